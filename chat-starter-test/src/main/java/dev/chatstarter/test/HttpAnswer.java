/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeChatServer} sends for one request: a status, headers and a body in one
 * or several parts.
 *
 * @param status the HTTP status
 * @param headers the response headers, {@code Content-Type} included
 * @param parts the body; a streamed answer sends and flushes each part separately,
 * waiting {@code partDelay} between two parts; a plain answer has one part (or none) and
 * a {@code Content-Length}
 * @param streamed whether the parts are sent as a stream
 * @param delay the wait before the status line
 * @param partDelay the wait between two parts of a stream
 */
record HttpAnswer(int status, Map<String, List<String>> headers, List<String> parts, boolean streamed, Duration delay,
		Duration partDelay) {

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
