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
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * The budget of a provider (inside its guard) or of a route: refuses calls once the
 * budget of the current period is spent, before anything is sent, and counts what each
 * answer cost as the provider that answered priced it (a stream's cost is on its chunk
 * that carries usage, counted when the stream ends, before its completion goes up).
 */
public final class BudgetedExchange implements ChatExchange {

	private final Spending spending;

	private final ChatExchange next;

	/**
	 * Create the stage.
	 * @param spending the route's budget and where it is counted
	 * @param next the stage below
	 */
	public BudgetedExchange(Spending spending, ChatExchange next) {
		this.spending = spending;
		this.next = next;
	}

	@Override
	public String provider() {
		return this.next.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			ChatBudgetExceededException overBudget = this.spending.refusal();
			if (overBudget != null) {
				return Mono.error(overBudget);
			}
			return this.next.call(request).doOnNext((response) -> count(response.cost()));
		});
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> {
			ChatBudgetExceededException overBudget = this.spending.refusal();
			if (overBudget != null) {
				return Flux.error(overBudget);
			}
			AtomicReference<@Nullable BigDecimal> cost = new AtomicReference<>();
			return this.next.stream(request).doOnNext((chunk) -> {
				if (chunk.cost() != null) {
					cost.set(chunk.cost());
				}
			}).doOnComplete(() -> count(cost.get()));
		});
	}

	private void count(@Nullable BigDecimal cost) {
		if (cost != null) {
			this.spending.count(cost);
		}
	}

}
