package dev.chatstarter.core.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;

/**
 * A Reactor {@link Retry} that applies a {@link RetryPolicy}: only {@linkplain ChatException#isRetryable()
 * retryable} failures, exponential backoff with jitter, {@code Retry-After} honoured up to the policy's cap, and an
 * extra condition (a stream is retried only before its first chunk).
 */
final class RetryBackoff extends Retry {

	private static final Logger logger = LoggerFactory.getLogger(RetryBackoff.class);

	private final String provider;

	private final RetryPolicy policy;

	private final BooleanSupplier mayRetry;

	private final RetryListener listener;

	RetryBackoff(String provider, RetryPolicy policy, BooleanSupplier mayRetry, RetryListener listener) {
		this.provider = provider;
		this.policy = policy;
		this.mayRetry = mayRetry;
		this.listener = listener;
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
		return signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			Duration delay = delayFor(failure, signal.totalRetries());
			if (delay == null) {
				return Mono.error(failure);
			}
			ChatException chatFailure = (ChatException) failure;
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying provider '{}' in {} ms (retry {} of {}): {}", this.provider, delay.toMillis(),
						signal.totalRetries() + 1, this.policy.maxRetries(), chatFailure.getMessage());
			}
			this.listener.onRetry(this.provider, chatFailure);
			return Mono.delay(delay);
		});
	}

	/**
	 * Return how long to wait before the next attempt.
	 * @param failure the failure of the last attempt
	 * @param retriesSoFar the number of retries already made
	 * @return the wait, or {@code null} when the failure must not be retried
	 */
	@Nullable Duration delayFor(Throwable failure, long retriesSoFar) {
		if (!(failure instanceof ChatException chatFailure) || !chatFailure.isRetryable()
				|| retriesSoFar >= this.policy.maxRetries() || !this.mayRetry.getAsBoolean()) {
			return null;
		}
		if (chatFailure instanceof ChatRateLimitException rateLimit && rateLimit.getRetryAfter() != null) {
			Duration retryAfter = rateLimit.getRetryAfter();
			return (retryAfter.compareTo(this.policy.maxRetryAfter()) <= 0) ? retryAfter : null;
		}
		return backoff(retriesSoFar);
	}

	private Duration backoff(long retriesSoFar) {
		long initial = this.policy.initialBackoff().toMillis();
		long max = this.policy.maxBackoff().toMillis();
		long exponential = (retriesSoFar >= 30) ? max : Math.min(max, initial * (1L << retriesSoFar));
		double spread = this.policy.jitter() * exponential;
		long jittered = Math.round(exponential - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread);
		return Duration.ofMillis(Math.max(0, Math.min(max, jittered)));
	}

}
