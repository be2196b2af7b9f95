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

package dev.chatstarter.core.http;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How failed calls are retried: exponential backoff with jitter between
 * {@code initialBackoff} and {@code maxBackoff}, a provider's {@code Retry-After}
 * honoured up to {@code maxRetryAfter}. Only retryable failures are retried (408, 409,
 * 429, 5xx, timeouts, connection failures), never authentication, quota or bad requests,
 * and a stream only before its first chunk.
 *
 * @param maxAttempts the total number of attempts, {@code 1} for no retry
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest computed wait
 * @param maxRetryAfter the longest wait a provider's {@code Retry-After} may ask for;
 * longer requests fail at once
 * @param jitter the random spread applied to each computed wait, from {@code 0} to
 * {@code 1}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
		double jitter) {

	private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(60), 0.5);

	private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);

	public RetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative(), "initialBackoff must not be negative");
		Assert.isTrue(!maxBackoff.isNegative(), "maxBackoff must not be negative");
		Assert.isTrue(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "jitter must be between 0 and 1");
	}

	/**
	 * Three attempts, 0.5 s to 8 s backoff, {@code Retry-After} honoured up to 60 s.
	 * @return the default policy
	 */
	public static RetryPolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * A single attempt.
	 * @return the policy that never retries
	 */
	public static RetryPolicy none() {
		return NONE;
	}

	/**
	 * Return the number of retries after the first attempt.
	 * @return {@code maxAttempts - 1}
	 */
	public int maxRetries() {
		return this.maxAttempts - 1;
	}

}
