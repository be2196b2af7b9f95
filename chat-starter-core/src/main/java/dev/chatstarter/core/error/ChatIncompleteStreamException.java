package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A stream ended before the model finished: no choice carried a {@code finish_reason}, so the answer is truncated even if {@code [DONE]} arrived (relays send {@code [DONE]} after cutting a stream).
 */
public class ChatIncompleteStreamException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatIncompleteStreamException(ErrorDetails details, @Nullable Throwable cause) {
		super("stream ended without a finish reason", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
