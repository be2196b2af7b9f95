package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A client-side limit of the provider (concurrent requests, requests or tokens per minute) refused the call before
 * anything was sent.
 */
public class ChatLimitExceededException extends ChatProviderUnavailableException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatLimitExceededException(ErrorDetails details, @Nullable Throwable cause) {
		super(details, cause);
	}

}
