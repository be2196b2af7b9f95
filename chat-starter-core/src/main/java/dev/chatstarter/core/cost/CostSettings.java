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

package dev.chatstarter.core.cost;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What a template's calls cost and how much its provider may spend.
 *
 * @param pricing the prices of the provider's models
 * @param budget how much the provider may spend per period, or {@code null} for no limit
 * @param spendListener told of the cost of every priced call
 */
public record CostSettings(Pricing pricing, @Nullable Budget budget, SpendListener spendListener) {

	private static final CostSettings DEFAULTS = new CostSettings(Pricing.none(), null, SpendListener.NONE);

	public CostSettings {
		Assert.notNull(pricing, "pricing must not be null");
		Assert.notNull(spendListener, "spendListener must not be null");
	}

	/**
	 * The defaults: no prices, no budget.
	 * @return the defaults
	 */
	public static CostSettings defaults() {
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
	 * Builds {@link CostSettings}.
	 */
	public static final class Builder {

		private Pricing pricing;

		private @Nullable Budget budget;

		private SpendListener spendListener;

		private Builder(CostSettings settings) {
			this.pricing = settings.pricing;
			this.budget = settings.budget;
			this.spendListener = settings.spendListener;
		}

		/**
		 * Set the prices of the provider's models.
		 * @param pricing the prices
		 * @return this builder
		 */
		public Builder pricing(Pricing pricing) {
			Assert.notNull(pricing, "pricing must not be null");
			this.pricing = pricing;
			return this;
		}

		/**
		 * Set how much the provider may spend per period.
		 * @param budget the budget, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder budget(@Nullable Budget budget) {
			this.budget = budget;
			return this;
		}

		/**
		 * Add a listener told of the cost of every priced call, after those added before.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder spendListener(SpendListener listener) {
			Assert.notNull(listener, "listener must not be null");
			SpendListener previous = this.spendListener;
			this.spendListener = (previous == SpendListener.NONE) ? listener : (provider, model, cost) -> {
				previous.onSpend(provider, model, cost);
				listener.onSpend(provider, model, cost);
			};
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public CostSettings build() {
			return new CostSettings(this.pricing, this.budget, this.spendListener);
		}

	}

}
