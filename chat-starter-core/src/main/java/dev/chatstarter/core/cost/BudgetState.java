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
import java.time.Instant;

/**
 * A snapshot of a provider's {@link Budget} in its current period.
 *
 * @param limit the most the provider may spend per period
 * @param period the period
 * @param spent what it spent in the current period, as far as this replica knows
 * @param remaining what is left, never below zero
 * @param periodEnd when the current period ends and the spend starts again from zero
 */
public record BudgetState(BigDecimal limit, Budget.Period period, BigDecimal spent, BigDecimal remaining,
		Instant periodEnd) {

}
