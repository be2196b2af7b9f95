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

package dev.chatstarter.core.internal.state;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.internal.cost.LocalSpendLedger;
import dev.chatstarter.core.internal.cost.SpendLedger;
import dev.chatstarter.core.state.SharedState;

/**
 * The spend of one budget counted for all replicas through the shared store. Reading it
 * costs no round trip: this replica knows the total from the store's answer to its own
 * last addition and from each refresh, so another replica's spend is seen within
 * {@link dev.chatstarter.core.state.SharedStateSettings#refreshInterval()}. While the
 * store does not answer, this replica's own spend still counts here, but not for the
 * others. Thread-safe.
 */
public final class SharedSpendLedger implements SpendLedger {

	private final SharedState state;

	private final String budget;

	private final LocalSpendLedger known = new LocalSpendLedger();

	private volatile String period = "";

	/**
	 * Create a ledger.
	 * @param state the shared state
	 * @param budget the name of the budget, such as {@code provider:aigc}
	 */
	public SharedSpendLedger(SharedState state, String budget) {
		this.state = state;
		this.budget = budget;
		state.watchSpend(() -> key(this.period), (key, spend) -> {
			if (key.equals(key(this.period))) {
				this.known.set(this.period, spend);
			}
		});
	}

	/**
	 * Return the ledger of a budget: shared when the replicas share state and there is a
	 * budget to count, else this replica's own (which costs no store operation, not even
	 * a read at each refresh).
	 * @param state the shared state, or {@code null} when replicas share none
	 * @param budget the name of the budget, such as {@code provider:aigc}
	 * @param limit the budget, or {@code null} when there is none
	 * @return the ledger
	 */
	public static SpendLedger of(@Nullable SharedState state, String budget, @Nullable Budget limit) {
		return (state != null && limit != null) ? new SharedSpendLedger(state, budget) : new LocalSpendLedger();
	}

	@Override
	public BigDecimal spent(String period) {
		this.period = period;
		return this.known.spent(period);
	}

	@Override
	public void add(String period, BigDecimal amount, Instant periodEnd) {
		this.period = period;
		this.known.add(period, amount, periodEnd);
		this.state.addSpend(key(period), amount, periodEnd.plusSeconds(86_400))
			.subscribe((total) -> this.known.set(period, total), (failure) -> {
			});
	}

	private String key(String period) {
		return this.budget + ":" + period;
	}

}
