package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider was not called because it is cooling down after repeated failures, or because a client-side limit
 * (concurrent requests, requests or tokens per minute) refused the call. A fallback chain moves on to its next
 * provider at once.
 */
public class ChatProviderUnavailableException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatProviderUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
		super("not called", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
