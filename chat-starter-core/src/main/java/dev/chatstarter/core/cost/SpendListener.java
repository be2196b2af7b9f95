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

/**
 * Told of the cost of every priced call a provider answered (each round of a tool loop,
 * and streams when they end), such as to meter it. Called on the thread that completed
 * the call: it must return quickly and must not block.
 */
@FunctionalInterface
public interface SpendListener {

	/** A listener that does nothing. */
	SpendListener NONE = (provider, model, cost) -> {
	};

	/**
	 * Called when a priced call ends.
	 * @param provider the provider that answered
	 * @param model the name the model is priced under (one of the provider's
	 * {@link Pricing#models()})
	 * @param cost the call's cost
	 */
	void onSpend(String provider, String model, BigDecimal cost);

}
