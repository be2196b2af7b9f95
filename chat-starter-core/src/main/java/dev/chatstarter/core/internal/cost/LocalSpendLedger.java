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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The spend of one budget counted in this replica alone: the current period only.
 * Thread-safe.
 */
public final class LocalSpendLedger implements SpendLedger {

	private final AtomicReference<PeriodSpend> current = new AtomicReference<>(new PeriodSpend("", BigDecimal.ZERO));

	@Override
	public BigDecimal spent(String period) {
		PeriodSpend spend = this.current.get();
		return spend.period().equals(period) ? spend.amount() : BigDecimal.ZERO;
	}

	@Override
	public void add(String period, BigDecimal amount, Instant periodEnd) {
		this.current.updateAndGet((spend) -> new PeriodSpend(period,
				(spend.period().equals(period) ? spend.amount() : BigDecimal.ZERO).add(amount)));
	}

	/**
	 * Set the spend of a period, as the shared store reported it, unless this ledger has
	 * moved on to a later period.
	 * @param period the period's name
	 * @param amount the spend
	 */
	public void set(String period, BigDecimal amount) {
		this.current
			.updateAndGet((spend) -> (period.compareTo(spend.period()) >= 0) ? new PeriodSpend(period, amount) : spend);
	}

	private record PeriodSpend(String period, BigDecimal amount) {

	}

}
