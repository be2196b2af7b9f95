package dev.chatstarter.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider is rate limiting (HTTP 429 or an equivalent in-body error). Retried, waiting as long as the
 * provider's {@code Retry-After} says (up to a cap).
 */
public class ChatRateLimitException extends ChatException {

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param retryAfter how long the provider asked to wait, if it said
	 * @param cause the underlying cause, if any
	 */
	public ChatRateLimitException(ErrorDetails details, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super("rate limited", details, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long the provider asked to wait before trying again.
	 * @return the wait from {@code Retry-After} or {@code retry-after-ms}, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
