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

package dev.chatstarter.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.chatstarter.core.cost.BudgetState;

/**
 * The {@code budget} detail of a provider's or a route's health.
 */
final class BudgetDetails {

	private BudgetDetails() {
	}

	/**
	 * Describe a budget in its current period.
	 * @param budget the budget's state
	 * @return {@code limit}, {@code period}, {@code spent}, {@code remaining} and
	 * {@code periodEnd}
	 */
	static Map<String, Object> of(BudgetState budget) {
		Map<String, Object> spend = new LinkedHashMap<>();
		spend.put("limit", budget.limit());
		spend.put("period", budget.period().name().toLowerCase(Locale.ROOT));
		spend.put("spent", budget.spent());
		spend.put("remaining", budget.remaining());
		spend.put("periodEnd", budget.periodEnd().toString());
		return spend;
	}

	/**
	 * Describe why a spent budget makes its owner {@code DOWN}.
	 * @param budget the budget's state
	 * @return the error detail
	 */
	static String spent(BudgetState budget) {
		return "the budget is spent until " + budget.periodEnd() + ": calls are refused or go to the fallbacks";
	}

}
