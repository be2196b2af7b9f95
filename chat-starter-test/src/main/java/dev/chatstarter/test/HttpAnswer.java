package dev.chatstarter.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeChatServer} sends for one request: a status, headers and a body in one or several parts.
 *
 * @param status the HTTP status
 * @param headers the response headers, {@code Content-Type} included
 * @param parts the body; a streamed answer sends and flushes each part separately, waiting {@code partDelay}
 * between two parts; a plain answer has one part (or none) and a {@code Content-Length}
 * @param streamed whether the parts are sent as a stream
 * @param delay the wait before the status line
 * @param partDelay the wait between two parts of a stream
 */
record HttpAnswer(int status, Map<String, List<String>> headers, List<String> parts, boolean streamed,
		Duration delay, Duration partDelay) {

	HttpAnswer {
		headers = Map.copyOf(headers);
		parts = List.copyOf(parts);
	}

	/**
	 * Return the body parts joined.
	 * @return the whole body
	 */
	String body() {
		return String.join("", this.parts);
	}

}
