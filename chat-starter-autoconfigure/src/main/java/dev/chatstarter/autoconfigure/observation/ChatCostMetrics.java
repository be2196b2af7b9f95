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

package dev.chatstarter.autoconfigure.observation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.cost.SpendListener;

/**
 * Meters of what calls cost: {@code chat.cost} (counter, in the unit of money of the
 * pricing, tags {@code provider} and {@code model}, the name the model is priced under,
 * so bounded by the configured prices), and per provider with a budget
 * {@code chat.budget.limit}, {@code chat.budget.spent} and {@code chat.budget.remaining}
 * (gauges of the current period, read when scraped).
 */
public final class ChatCostMetrics implements SpendListener, MeterBinder {

	private final MeterRegistry registry;

	private final ObjectProvider<ChatTemplates> templates;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create the meters.
	 * @param registry the registry the cost counters are registered with
	 * @param templates the templates whose budgets are metered, looked up when the
	 * registry binds the meters
	 */
	public ChatCostMetrics(MeterRegistry registry, ObjectProvider<ChatTemplates> templates) {
		this.registry = registry;
		this.templates = templates;
	}

	@Override
	public void onSpend(String provider, String model, BigDecimal cost) {
		this.counters
			.computeIfAbsent(provider + '\u0000' + model,
					(key) -> Counter.builder("chat.cost")
						.description("What the provider's calls cost, by its pricing")
						.tag("provider", provider)
						.tag("model", model)
						.register(this.registry))
			.increment(cost.doubleValue());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.templates.ifAvailable((templates) -> templates.asMap().forEach((name, template) -> {
			if (template.budgetState() != null) {
				gauge(registry, "chat.budget.limit", "The provider's budget per period", name, template,
						BudgetState::limit);
				gauge(registry, "chat.budget.spent", "What the provider spent in the current period", name, template,
						BudgetState::spent);
				gauge(registry, "chat.budget.remaining", "What is left of the provider's budget in the current period",
						name, template, BudgetState::remaining);
			}
		}));
	}

	private static void gauge(MeterRegistry registry, String name, String description, String provider,
			ChatTemplate template, Function<BudgetState, BigDecimal> value) {
		Gauge.builder(name, template, (budgeted) -> {
			BudgetState state = budgeted.budgetState();
			return (state != null) ? value.apply(state).doubleValue() : Double.NaN;
		}).description(description).tag("provider", provider).register(registry);
	}

}
