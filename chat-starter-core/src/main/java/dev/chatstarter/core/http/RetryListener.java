package dev.chatstarter.core.http;

import dev.chatstarter.core.error.ChatException;

/**
 * Told of every retry a provider client makes, e.g. to count them in metrics.
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (provider, failure) -> {
	};

	/**
	 * Called before a failed attempt is retried.
	 * @param provider the provider name
	 * @param failure the failure that is retried
	 */
	void onRetry(String provider, ChatException failure);

}
