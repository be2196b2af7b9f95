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

package dev.chatstarter.core.internal.resilience;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.cost.BudgetedExchange;
import dev.chatstarter.core.internal.cost.Spending;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Guards one provider: its budget (a {@link BudgetedExchange} over the rest), its
 * cooldown after repeated failures and its client-side limits (concurrency, requests and
 * tokens per minute); it prices each answer. A provider that is cooling down is either
 * still tried (alone, it is the only way to an answer) or refused at once with
 * {@link ChatProviderUnavailableException} (in a fallback chain, so that the next
 * provider answers without waiting); {@link #failingFast()} gives the second kind over
 * the same state.
 */
public final class GuardedExchange implements ChatExchange {

	private final ProviderCooldown cooldown;

	private final CallLimiter limiter;

	private final Spending spending;

	private final boolean failFastWhileCooling;

	private final ChatExchange next;

	/** The stage below, holding a limiter permit for each call. */
	private final ChatExchange limited;

	/** Where calls enter: the budget, when there is one, over the guard. */
	private final ChatExchange entry;

	/**
	 * Create the guard of a provider that is still tried while it cools down.
	 * @param cooldown the provider's cooldown
	 * @param limiter the provider's client-side limits
	 * @param spending the provider's pricing and budget
	 * @param next the stage below
	 */
	public GuardedExchange(ProviderCooldown cooldown, CallLimiter limiter, Spending spending, ChatExchange next) {
		this(cooldown, limiter, spending, false, next);
	}

	private GuardedExchange(ProviderCooldown cooldown, CallLimiter limiter, Spending spending,
			boolean failFastWhileCooling, ChatExchange next) {
		this.cooldown = cooldown;
		this.limiter = limiter;
		this.spending = spending;
		this.failFastWhileCooling = failFastWhileCooling;
		this.next = next;
		this.limited = LimitedExchange.over(limiter, next);
		this.entry = spending.isBudgeted() ? new BudgetedExchange(spending, new Guard()) : new Guard();
	}

	/**
	 * Return a guard over the same cooldown and limits that refuses at once while the
	 * provider cools down.
	 * @return the guard for a fallback chain
	 */
	public GuardedExchange failingFast() {
		return this.failFastWhileCooling ? this
				: new GuardedExchange(this.cooldown, this.limiter, this.spending, true, this.next);
	}

	/**
	 * Return the state of the provider's cooldown.
	 * @return the state
	 */
	public CooldownState cooldownState() {
		return this.cooldown.state();
	}

	/**
	 * Return the state of the provider's budget.
	 * @return the state, or {@code null} without a budget
	 */
	public @Nullable BudgetState budgetState() {
		return this.spending.budgetState();
	}

	/**
	 * Return the share left of the provider's client-side limits.
	 * @return a share from {@code 0} to {@code 1}; {@code 1} without limits
	 */
	public double headroom() {
		return this.limiter.headroom();
	}

	@Override
	public String provider() {
		return this.next.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return this.entry.call(request);
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.entry.stream(request);
	}

	private ChatProviderUnavailableException coolingDown() {
		return new ChatProviderUnavailableException(
				ErrorDetails.local(provider(),
						"the provider is cooling down after repeated failures until " + this.cooldown.openUntil()),
				null);
	}

	/**
	 * The cooldown, the limits and the pricing, below the budget.
	 */
	private final class Guard implements ChatExchange {

		@Override
		public String provider() {
			return GuardedExchange.this.next.provider();
		}

		@Override
		public Mono<ChatResponse> call(ChatRequest request) {
			return Mono.defer(() -> {
				ProviderCooldown.Permit admission = GuardedExchange.this.cooldown.tryAcquire();
				if (!admission.isGranted() && GuardedExchange.this.failFastWhileCooling) {
					return Mono.error(GuardedExchange.this::coolingDown);
				}
				Spending spending = GuardedExchange.this.spending;
				Mono<ChatResponse> call = GuardedExchange.this.limited.call(request);
				if (spending.isPriced()) {
					call = call.map((response) -> spending.priced(request, response));
				}
				return call.doOnSuccess((response) -> admission.onSuccess())
					.doOnError(admission::onFailure)
					.doOnCancel(admission::onCancel);
			});
		}

		@Override
		public Flux<ChatChunk> stream(ChatRequest request) {
			return Flux.defer(() -> {
				ProviderCooldown.Permit admission = GuardedExchange.this.cooldown.tryAcquire();
				if (!admission.isGranted() && GuardedExchange.this.failFastWhileCooling) {
					return Flux.error(GuardedExchange.this::coolingDown);
				}
				Spending spending = GuardedExchange.this.spending;
				Flux<ChatChunk> stream = GuardedExchange.this.limited.stream(request);
				if (spending.isPriced()) {
					StreamUsage seen = new StreamUsage();
					stream = stream.map((chunk) -> {
						seen.note(chunk);
						return spending.priced(request, seen.model(), chunk);
					}).doOnComplete(() -> spending.priceEnded(request, seen.model(), seen.usage()));
				}
				return stream.doOnComplete(admission::onSuccess)
					.doOnError(admission::onFailure)
					.doOnCancel(admission::onCancel);
			});
		}

	}

}
