package dev.chatstarter.core.resilience;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatQuotaException;

/**
 * The failures that send a request on to the next provider of a fallback chain. Bad requests, content filters and
 * malformed answers never do: another provider would most likely fail the same way.
 */
public enum FallbackTrigger {

	/**
	 * A {@linkplain ChatException#isRetryable() retryable} failure that outlived the provider's own retries: 408,
	 * 409, 429, 5xx, timeouts, broken connections, a provider cooling down or over a client-side limit.
	 */
	RETRYABLE,

	/**
	 * An authentication or permission failure (401, 403): a revoked or wrong key.
	 */
	AUTHENTICATION,

	/**
	 * An exhausted quota, credit or balance.
	 */
	QUOTA;

	/**
	 * Whether a failure is of this kind.
	 * @param failure the failure
	 * @return {@code true} if it is
	 */
	public boolean matches(ChatException failure) {
		switch (this) {
			case AUTHENTICATION:
				return failure instanceof ChatAuthenticationException;
			case QUOTA:
				return failure instanceof ChatQuotaException;
			default:
				return failure.isRetryable();
		}
	}

}
