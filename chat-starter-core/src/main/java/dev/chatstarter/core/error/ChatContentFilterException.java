package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The prompt or the answer was blocked by the provider's content safety filter.
 */
public class ChatContentFilterException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatContentFilterException(ErrorDetails details, @Nullable Throwable cause) {
		super("content filtered", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
