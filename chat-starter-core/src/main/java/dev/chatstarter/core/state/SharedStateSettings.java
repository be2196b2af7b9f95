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
 * How {@link SharedState} uses its store.
 *
 * @param timeout how long one operation on the store may take before it counts as failed
 * @param whenUnavailable what calls do while the store does not answer
 * @param leaseTime how long a concurrency permit lives unless renewed: the permits of a
 * replica that dies return after at most this long
 * @param refreshInterval how often the marks of other replicas (cooldowns, keys taken
 * out) are read, leases renewed and an unavailable store tried again
 */
public record SharedStateSettings(Duration timeout, FailureMode whenUnavailable, Duration leaseTime,
		Duration refreshInterval) {

	private static final SharedStateSettings DEFAULTS = new SharedStateSettings(Duration.ofMillis(250),
			FailureMode.FAIL_OPEN, Duration.ofSeconds(30), Duration.ofSeconds(1));

	public SharedStateSettings {
		Assert.isTrue(timeout != null && timeout.toMillis() > 0, "timeout must be positive");
		Assert.notNull(whenUnavailable, "whenUnavailable must not be null");
		Assert.isTrue(leaseTime != null && leaseTime.toMillis() > 0, "leaseTime must be positive");
		Assert.isTrue(refreshInterval != null && refreshInterval.toMillis() > 0, "refreshInterval must be positive");
		Assert.isTrue(refreshInterval.compareTo(leaseTime) < 0, "refreshInterval must be shorter than leaseTime");
	}

	/**
	 * Return the defaults: a 250 ms time-out, fail-open, 30 s leases, refreshed every
	 * second.
	 * @return the defaults
	 */
	public static SharedStateSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * What calls do while the store does not answer.
	 */
	public enum FailureMode {

		/**
		 * Calls go on under each replica's own limits, decided locally (the default).
		 */
		FAIL_OPEN,

		/**
		 * Calls that need a shared limit are refused with a
		 * {@link dev.chatstarter.core.error.ChatLimitExceededException}.
		 */
		FAIL_CLOSED

	}

}
