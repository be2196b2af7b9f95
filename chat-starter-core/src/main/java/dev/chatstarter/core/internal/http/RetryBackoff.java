/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.core.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.http.RetryPolicy;

/**
 * Retries that apply a {@link RetryPolicy}: only {@linkplain ChatException#isRetryable()
 * retryable} failures, exponential backoff with jitter, {@code Retry-After} honoured up
 * to the policy's cap, and an extra condition (a stream is retried only before its first
 * chunk).
 */
final class RetryBackoff {

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

	/**
	 * Retry a call as the policy says. Resubscribes to the call after each retryable
	 * failure; one {@code onErrorResume} per attempt instead of {@code retryWhen}'s
	 * companion flux, which every call would pay for even when it never fails.
	 * @param call the call, subscribed to once per attempt
	 * @param <T> the type of the answer
	 * @return the call with retries
	 */
	<T> Mono<T> retry(Mono<T> call) {
		return retry(call, 0);
	}

	/**
	 * Retry a stream as the policy says (and only while the extra condition holds).
	 * @param stream the stream, subscribed to once per attempt
	 * @param <T> the type of the values
	 * @return the stream with retries
	 */
	<T> Flux<T> retry(Flux<T> stream) {
		return retry(stream, 0);
	}

	private <T> Mono<T> retry(Mono<T> call, long retriesSoFar) {
		return call.onErrorResume((failure) -> {
			Duration delay = nextDelay(failure, retriesSoFar);
			return (delay != null) ? Mono.delay(delay).then(retry(call, retriesSoFar + 1)) : Mono.error(failure);
		});
	}

	private <T> Flux<T> retry(Flux<T> stream, long retriesSoFar) {
		return stream.onErrorResume((failure) -> {
			Duration delay = nextDelay(failure, retriesSoFar);
			return (delay != null) ? Mono.delay(delay).thenMany(retry(stream, retriesSoFar + 1)) : Flux.error(failure);
		});
	}

	private @Nullable Duration nextDelay(Throwable failure, long retriesSoFar) {
		Duration delay = delayFor(failure, retriesSoFar);
		if (delay != null) {
			ChatException chatFailure = (ChatException) failure;
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying provider '{}' in {} ms (retry {} of {}): {}", this.provider, delay.toMillis(),
						retriesSoFar + 1, this.policy.maxRetries(), chatFailure.getMessage());
			}
			this.listener.onRetry(this.provider, chatFailure);
		}
		return delay;
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
