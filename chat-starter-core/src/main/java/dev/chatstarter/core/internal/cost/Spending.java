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
import java.time.InstantSource;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.cost.CostSettings;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * What the calls of one provider (or route) cost and whether its budget allows another:
 * prices each answer by its model, tells the spend listener, counts the spend against the
 * budget, and refuses calls once the budget of the current period is spent. Thread-safe.
 */
public final class Spending {

	private final String provider;

	private final String properties;

	private final CostSettings settings;

	private final SpendLedger ledger;

	private final InstantSource clock;

	/**
	 * Create the spending of a provider or route.
	 * @param provider the provider or route
	 * @param properties where its budget is configured, for messages, such as
	 * {@code chat.providers.aigc}
	 * @param settings its pricing, budget and spend listener
	 * @param ledger where the spend is counted
	 * @param clock the clock of the budget's periods
	 */
	public Spending(String provider, String properties, CostSettings settings, SpendLedger ledger,
			InstantSource clock) {
		this.provider = provider;
		this.properties = properties;
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Whether calls are priced; without prices, answers need not pass through
	 * {@link #priced}.
	 * @return {@code true} when some model has a price
	 */
	public boolean isPriced() {
		return this.settings.pricing().isPriced();
	}

	/**
	 * Whether calls are budgeted; without a budget, nothing is counted or refused.
	 * @return {@code true} with a budget
	 */
	public boolean isBudgeted() {
		return this.settings.budget() != null;
	}

	/**
	 * Return the refusal of a call once the budget of the current period is spent.
	 * @return the failure, or {@code null} when the call may go ahead
	 */
	public @Nullable ChatBudgetExceededException refusal() {
		Budget budget = this.settings.budget();
		if (budget == null) {
			return null;
		}
		Instant now = this.clock.instant();
		BigDecimal spent = this.ledger.spent(budget.period().name(now));
		if (spent.compareTo(budget.limit()) < 0) {
			return null;
		}
		return new ChatBudgetExceededException(ErrorDetails.local(this.provider,
				"the budget of " + budget.limit().toPlainString() + " per " + budget.period().name().toLowerCase()
						+ " is spent (" + spent.toPlainString() + " until " + budget.period().end(now) + "); raise "
						+ this.properties + ".budget.limit or wait for the next period"),
				budget.whenExceeded() == Budget.Action.FALLBACK);
	}

	/**
	 * Price an answer, tell the spend listener and return it with its cost; the budget
	 * counts it from there.
	 * @param request the request
	 * @param response the answer
	 * @return the answer with its cost, or as it was when it has no price
	 */
	public ChatResponse priced(ChatRequest request, ChatResponse response) {
		BigDecimal cost = priceEnded(request, response.model(), response.usage());
		return (cost != null) ? response.withCost(cost) : response;
	}

	/**
	 * Price a stream's chunk that carries usage; the spend listener is told once, when
	 * the stream ends, and the budget counts the last priced chunk then.
	 * @param request the request
	 * @param model the model that answers, if known
	 * @param chunk the chunk
	 * @return the chunk with the cost of its usage, or as it was
	 */
	public ChatChunk priced(ChatRequest request, @Nullable String model, ChatChunk chunk) {
		if (chunk.usage() == null) {
			return chunk;
		}
		BigDecimal cost = this.settings.pricing().cost(model, request.options().model(), chunk.usage());
		return (cost != null) ? chunk.withCost(cost) : chunk;
	}

	/**
	 * Price a call that ended, such as a stream, and tell the spend listener.
	 * @param request the request
	 * @param model the model that answered, if known
	 * @param usage the usage the provider reported, if any
	 * @return the cost, or {@code null} when it has no price
	 */
	public @Nullable BigDecimal priceEnded(ChatRequest request, @Nullable String model, @Nullable Usage usage) {
		String priced = this.settings.pricing().pricedModel(model, request.options().model());
		BigDecimal cost = this.settings.pricing().cost(priced, null, usage);
		if (priced == null || cost == null) {
			return null;
		}
		this.settings.spendListener().onSpend(this.provider, priced, cost);
		return cost;
	}

	/**
	 * Count a cost against the budget, if there is one.
	 * @param cost the cost
	 */
	public void count(BigDecimal cost) {
		Budget budget = this.settings.budget();
		if (budget != null && cost.signum() > 0) {
			Instant now = this.clock.instant();
			this.ledger.add(budget.period().name(now), cost, budget.period().end(now));
		}
	}

	/**
	 * Return the state of the budget.
	 * @return the state, or {@code null} without a budget
	 */
	public @Nullable BudgetState budgetState() {
		Budget budget = this.settings.budget();
		if (budget == null) {
			return null;
		}
		Instant now = this.clock.instant();
		BigDecimal spent = this.ledger.spent(budget.period().name(now));
		return new BudgetState(budget.limit(), budget.period(), spent,
				budget.limit().subtract(spent).max(BigDecimal.ZERO), budget.period().end(now));
	}

}
