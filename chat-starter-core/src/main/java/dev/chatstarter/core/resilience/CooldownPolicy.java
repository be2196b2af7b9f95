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

package dev.chatstarter.core.resilience;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * When a provider cools down: after {@code failures} consecutive failures, the first of
 * them no longer than {@code window} ago, the provider is skipped by fallback chains for
 * {@code duration}, then probed with one request. Only failures another attempt might not
 * see count: retryable ones (429, 5xx, timeouts, broken connections) and authentication
 * or quota failures; bad requests do not.
 *
 * @param failures the consecutive failures that start a cooldown, at least 1
 * @param window how close together those failures must be
 * @param duration how long the provider is skipped
 */
public record CooldownPolicy(int failures, Duration window, Duration duration) {

	private static final CooldownPolicy DEFAULTS = new CooldownPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(5));

	public CooldownPolicy {
		Assert.isTrue(failures >= 1, "failures must be at least 1");
		Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "window must be positive");
		Assert.isTrue(duration != null && !duration.isNegative(), "duration must not be negative");
	}

	/**
	 * Three failures within 60 s start a cooldown of 5 s (LiteLLM's defaults).
	 * @return the default policy
	 */
	public static CooldownPolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * Whether this policy never cools a provider down ({@code duration} zero).
	 * @return {@code true} if cooldowns are off
	 */
	public boolean isDisabled() {
		return this.duration.isZero();
	}

}
