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

package dev.chatstarter.core.state;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The shared limits of one call: what a {@link SharedStateStore} checks and counts for
 * every replica at once.
 *
 * @param scope what the limits count, such as a provider's name; calls with the same
 * scope share one count
 * @param maxConcurrentRequests how many calls may be in flight at once across the
 * replicas, or {@code 0} for no limit
 * @param requestsPerMinute how many calls may start in any sliding minute, or {@code 0}
 * for no limit
 * @param tokensPerMinute how many tokens the calls may use per minute, or {@code 0} for
 * no limit
 * @param leaseTime how long a concurrency permit lives unless its holder renews it, so
 * that the permits of a replica that dies return
 */
public record SharedLimits(String scope, int maxConcurrentRequests, int requestsPerMinute, long tokensPerMinute,
		Duration leaseTime) {

	public SharedLimits {
		Assert.hasText(scope, "scope must not be empty");
		Assert.isTrue(maxConcurrentRequests >= 0, "maxConcurrentRequests must not be negative");
		Assert.isTrue(requestsPerMinute >= 0, "requestsPerMinute must not be negative");
		Assert.isTrue(tokensPerMinute >= 0, "tokensPerMinute must not be negative");
		Assert.isTrue(leaseTime != null && leaseTime.toMillis() > 0, "leaseTime must be positive");
	}

}
