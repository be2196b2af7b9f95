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

package dev.chatstarter.core.internal.cost;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a budget's spend is counted, per period.
 */
public interface SpendLedger {

	/**
	 * Return what was spent in a period, as far as this replica knows.
	 * @param period the period's name, such as {@code 2026-12}
	 * @return the spend
	 */
	BigDecimal spent(String period);

	/**
	 * Add to the spend of a period.
	 * @param period the period's name
	 * @param amount the amount
	 * @param periodEnd when the period ends
	 */
	void add(String period, BigDecimal amount, Instant periodEnd);

}
