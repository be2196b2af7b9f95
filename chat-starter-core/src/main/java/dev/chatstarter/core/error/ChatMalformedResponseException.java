package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with something that is not a valid chat completion (not JSON, wrong shape, broken chunk).
 */
public class ChatMalformedResponseException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatMalformedResponseException(ErrorDetails details, @Nullable Throwable cause) {
		super("malformed response", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
