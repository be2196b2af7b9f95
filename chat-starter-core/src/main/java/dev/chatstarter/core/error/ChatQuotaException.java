package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The account's quota, credit or balance is exhausted (OpenAI {@code insufficient_quota}, HTTP 402, {@code 余额不足}). Not retried: top up or switch provider.
 */
public class ChatQuotaException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatQuotaException(ErrorDetails details, @Nullable Throwable cause) {
		super("quota or balance exhausted", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
