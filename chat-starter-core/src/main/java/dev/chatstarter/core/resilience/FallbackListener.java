package dev.chatstarter.core.resilience;

import dev.chatstarter.core.error.ChatException;

/**
 * Told of every fallback from one provider to the next, e.g. to count them in metrics.
 */
@FunctionalInterface
public interface FallbackListener {

	/** A listener that does nothing. */
	FallbackListener NONE = (from, to, failure) -> {
	};

	/**
	 * Called before a request that failed on (or skipped) one provider is sent to the next one of its chain.
	 * @param fromProvider the provider that failed or was skipped
	 * @param toProvider the provider tried next
	 * @param failure why: the failure after the provider's own retries, or a
	 * {@link dev.chatstarter.core.error.ChatProviderUnavailableException} when it was cooling down or over a limit
	 */
	void onFallback(String fromProvider, String toProvider, ChatException failure);

}
