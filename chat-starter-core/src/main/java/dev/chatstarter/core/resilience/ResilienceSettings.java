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

import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.state.SharedState;

/**
 * How a template copes with its provider failing: which failures move a call to the
 * fallbacks, who is told, when the provider cools down, and its client-side limits.
 *
 * @param fallbackOn the failures that move a call to the next fallback
 * @param fallbackListener told each time a call moves to a fallback
 * @param cooldown when the provider is skipped after failures, and for how long
 * @param limits the client-side request, token and concurrency limits
 * @param clock the clock of cooldowns and limits
 * @param sharedState the state shared with the other replicas of the application (limits
 * counted for all, cooldowns, keys taken out), or {@code null} for state of this replica
 * alone
 */
public record ResilienceSettings(Set<FallbackTrigger> fallbackOn, FallbackListener fallbackListener,
		CooldownPolicy cooldown, ProviderLimits limits, InstantSource clock, @Nullable SharedState sharedState) {

	private static final ResilienceSettings DEFAULTS = new ResilienceSettings(EnumSet.allOf(FallbackTrigger.class),
			FallbackListener.NONE, CooldownPolicy.defaults(), ProviderLimits.none(), InstantSource.system(), null);

	public ResilienceSettings {
		Assert.noNullElements(fallbackOn, "fallbackOn must not contain null");
		Assert.notNull(fallbackListener, "fallbackListener must not be null");
		Assert.notNull(cooldown, "cooldown must not be null");
		Assert.notNull(limits, "limits must not be null");
		Assert.notNull(clock, "clock must not be null");
		fallbackOn = Set.copyOf(fallbackOn);
	}

	/**
	 * The defaults: every trigger falls back, the default cooldown, no limits, the system
	 * clock.
	 * @return the default settings
	 */
	public static ResilienceSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder that starts from {@link #defaults()}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder(DEFAULTS);
	}

	/**
	 * Return a builder that starts from these settings.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Builds {@link ResilienceSettings}; each setter checks its value. Not thread-safe.
	 */
	public static final class Builder {

		private Set<FallbackTrigger> fallbackOn;

		private FallbackListener fallbackListener;

		private CooldownPolicy cooldown;

		private ProviderLimits limits;

		private InstantSource clock;

		private @Nullable SharedState sharedState;

		private Builder(ResilienceSettings settings) {
			this.fallbackOn = settings.fallbackOn;
			this.fallbackListener = settings.fallbackListener;
			this.cooldown = settings.cooldown;
			this.limits = settings.limits;
			this.clock = settings.clock;
			this.sharedState = settings.sharedState;
		}

		/**
		 * Set the failures that move a call to the next fallback; none disables fallback.
		 * @param triggers the triggers
		 * @return this builder
		 */
		public Builder fallbackOn(FallbackTrigger... triggers) {
			Assert.noNullElements(triggers, "triggers must not contain null");
			this.fallbackOn = Set.of(triggers);
			return this;
		}

		/**
		 * Add a listener told each time a call moves to a fallback; listeners added
		 * before are still told, first.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder fallbackListener(FallbackListener listener) {
			Assert.notNull(listener, "listener must not be null");
			FallbackListener previous = this.fallbackListener;
			this.fallbackListener = (previous == FallbackListener.NONE) ? listener : (from, to, failure) -> {
				previous.onFallback(from, to, failure);
				listener.onFallback(from, to, failure);
			};
			return this;
		}

		/**
		 * Set when the provider is skipped after failures, and for how long.
		 * @param cooldown the policy
		 * @return this builder
		 */
		public Builder cooldown(CooldownPolicy cooldown) {
			Assert.notNull(cooldown, "cooldown must not be null");
			this.cooldown = cooldown;
			return this;
		}

		/**
		 * Set the client-side limits.
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder limits(ProviderLimits limits) {
			Assert.notNull(limits, "limits must not be null");
			this.limits = limits;
			return this;
		}

		/**
		 * Set the clock of cooldowns and limits, for tests.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(InstantSource clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Share limits, cooldowns and the state of key pools with the other replicas of
		 * the application through a store.
		 * @param sharedState the shared state, or {@code null} to keep them per replica
		 * @return this builder
		 */
		public Builder sharedState(@Nullable SharedState sharedState) {
			this.sharedState = sharedState;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public ResilienceSettings build() {
			return new ResilienceSettings(this.fallbackOn, this.fallbackListener, this.cooldown, this.limits,
					this.clock, this.sharedState);
		}

	}

}
