package dev.chatstarter.core.internal.http.sse;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the {@code id:} field, or {@code null}
 */
public record SseEvent(@Nullable String event, String data, @Nullable String id) {

	/** The data value OpenAI sends as the last event of a stream. */
	public static final String DONE = "[DONE]";

	/**
	 * Whether this is the {@code [DONE]} sentinel.
	 * @return {@code true} for {@code data: [DONE]}
	 */
	public boolean isDone() {
		return DONE.equals(this.data.trim());
	}

	/**
	 * Whether the server marked this event as an error ({@code event: error}).
	 * @return {@code true} for an error event
	 */
	public boolean isErrorEvent() {
		return "error".equalsIgnoreCase(this.event);
	}

}
