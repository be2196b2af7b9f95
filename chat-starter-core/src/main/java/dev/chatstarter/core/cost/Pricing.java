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

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.Usage;

/**
 * The prices of a provider's models, by model name as the provider reports it in its
 * answers (or as the request named it, when the answer names another).
 *
 * @param models the price of each model
 */
public record Pricing(Map<String, ModelPrice> models) {

	private static final Pricing NONE = new Pricing(Map.of());

	public Pricing {
		Assert.notNull(models, "models must not be null");
		models = Map.copyOf(models);
	}

	/**
	 * No prices: calls have no cost.
	 * @return the empty pricing
	 */
	public static Pricing none() {
		return NONE;
	}

	/**
	 * Whether any model has a price.
	 * @return {@code true} when calls may have a cost
	 */
	public boolean isPriced() {
		return !this.models.isEmpty();
	}

	/**
	 * Return the name a call's model is priced under: the model the answer names, else
	 * the one the request named.
	 * @param answeredModel the model the answer names, if any
	 * @param requestedModel the model the request named, if any
	 * @return the name of its price, or {@code null} when neither has a price
	 */
	public @Nullable String pricedModel(@Nullable String answeredModel, @Nullable String requestedModel) {
		if (answeredModel != null && this.models.containsKey(answeredModel)) {
			return answeredModel;
		}
		return (requestedModel != null && this.models.containsKey(requestedModel)) ? requestedModel : null;
	}

	/**
	 * Return the cost of a call.
	 * @param answeredModel the model the answer names, if any
	 * @param requestedModel the model the request named, if any
	 * @param usage the usage the provider reported, if any
	 * @return the cost, or {@code null} when the model has no price or the usage is not
	 * known
	 */
	public @Nullable BigDecimal cost(@Nullable String answeredModel, @Nullable String requestedModel,
			@Nullable Usage usage) {
		String model = pricedModel(answeredModel, requestedModel);
		return (usage != null && model != null) ? this.models.get(model).cost(usage) : null;
	}

}
