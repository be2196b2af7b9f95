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

package dev.chatstarter.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.health.ChatHealthContributorAutoConfiguration;
import dev.chatstarter.autoconfigure.observation.ChatCostMetrics;
import dev.chatstarter.autoconfigure.observation.ChatMetricsAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code chat.providers.<name>.pricing} and {@code budget}: the cost of each call, its
 * meter, the budget in health and meters, and every misconfiguration reported at
 * start-up.
 */
class ChatCostConfigurationTests {

	private static final String PREFIX = "chat.providers.relay.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues(PREFIX + "base-url=https://relay.example.com/v1", PREFIX + "api-key=sk-relay-0123456789");

	@Test
	void pricedCallsHaveACostAndABudgetIsMeteredAndInHealth() {
		try (FakeChatServer provider = new FakeChatServer().start()) {
			provider.responder((request) -> FakeResponse.text("answered", 1000, 1000));
			this.runner
				.withConfiguration(AutoConfigurations.of(ChatMetricsAutoConfiguration.class,
						ChatHealthContributorAutoConfiguration.class))
				.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.withBean(ObservationRegistry.class, ObservationRegistry::create)
				.withPropertyValues(PREFIX + "base-url=" + provider.baseUrl(), PREFIX + "pricing.demo-chat.input=1",
						PREFIX + "pricing.demo-chat.output=4", PREFIX + "pricing[gpt-4.1].input=2",
						PREFIX + "pricing[gpt-4.1].output=8", PREFIX + "budget.limit=0.01",
						PREFIX + "budget.period=day", "chat.health.cache-ttl=0s")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ChatTemplate chat = context.getBean(ChatTemplate.class);
					assertThat(chat.prompt("hi").call().response().cost()).isEqualByComparingTo("0.005");
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					context.getBean(ChatCostMetrics.class).bindTo(registry);
					assertThat(registry.get("chat.cost")
						.tag("provider", "relay")
						.tag("model", "demo-chat")
						.counter()
						.count()).isEqualTo(0.005);
					assertThat(registry.get("chat.budget.remaining").tag("provider", "relay").gauge().value())
						.isEqualTo(0.005);
					chat.prompt("hi").call().content();
					BudgetState budget = chat.budgetState();
					assertThat(budget.period()).isEqualTo(Budget.Period.DAY);
					assertThat(budget.remaining()).isZero();
					assertThatExceptionOfType(ChatBudgetExceededException.class)
						.isThrownBy(() -> chat.prompt("hi").call().content());
					assertThat(provider.requestCount()).isEqualTo(2);
					Health health = ((ReactiveHealthIndicator) context
						.getBean("chatHealthContributor", CompositeReactiveHealthContributor.class)
						.getContributor("relay")).health().block(Duration.ofSeconds(5));
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsKey("budget");
					assertThat(String.valueOf(health.getDetails().get("error"))).contains("the budget is spent");
				});
		}
	}

	@Test
	void withoutPricingNothingIsPricedOrBudgeted() {
		this.runner.run((context) -> {
			ChatTemplate chat = context.getBean(ChatTemplate.class);
			assertThat(chat.budgetState()).isNull();
		});
	}

	@Test
	void aBudgetWithoutPricing() {
		this.runner.withPropertyValues(PREFIX + "budget.limit=100").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.contains(PREFIX + "budget.limit is set but the provider has no pricing");
			assertThat(analysis.getAction()).contains("Price its models under " + PREFIX + "pricing.<model>");
		});
	}

	@Test
	void badPricesAndABadLimit() {
		this.runner
			.withPropertyValues(PREFIX + "pricing.gpt-4o.input=-1", PREFIX + "pricing.gpt-4o.cached-input=-0.5",
					PREFIX + "budget.limit=0")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains(PREFIX + "pricing[gpt-4o].input is -1 but must not be negative")
					.contains(PREFIX + "pricing[gpt-4o].output is not set")
					.contains(PREFIX + "pricing[gpt-4o].cached-input is -0.5 but must not be negative")
					.contains(PREFIX + "budget.limit is 0 but must be positive");
			});
	}

	@Test
	void anUnknownPeriod() {
		this.runner
			.withPropertyValues(PREFIX + "pricing.gpt-4o.input=1", PREFIX + "pricing.gpt-4o.output=1",
					PREFIX + "budget.limit=1", PREFIX + "budget.period=week")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("budget.period").contains("week");
			});
	}

	@Test
	void budgetLimitsAreDecimals() {
		this.runner
			.withPropertyValues(PREFIX + "pricing.gpt-4o.input=2.5", PREFIX + "pricing.gpt-4o.output=10",
					PREFIX + "budget.limit=12.75", PREFIX + "budget.when-exceeded=fallback")
			.run((context) -> {
				BudgetState budget = context.getBean(ChatTemplate.class).budgetState();
				assertThat(budget.limit()).isEqualTo(new BigDecimal("12.75"));
				assertThat(budget.period()).isEqualTo(Budget.Period.MONTH);
			});
	}

	@Test
	void aRouteBudgetNeedsPricedProvidersAndReachesTheRoute() {
		this.runner
			.withPropertyValues("chat.routes.smart.deployments[0].provider=relay", "chat.routes.smart.budget.limit=5")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"chat.routes.smart.budget.limit is set but none of its deployments' providers has pricing");
			});
		this.runner
			.withPropertyValues(PREFIX + "pricing.gpt-4o.input=2.5", PREFIX + "pricing.gpt-4o.output=10",
					"chat.default-provider=relay", "chat.routes.smart.deployments[0].provider=relay",
					"chat.routes.smart.budget.limit=5", "chat.routes.smart.budget.period=day")
			.run((context) -> {
				BudgetState budget = context.getBean("smart", ChatTemplate.class).budgetState();
				assertThat(budget.limit()).isEqualByComparingTo("5");
				assertThat(budget.period()).isEqualTo(Budget.Period.DAY);
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

}
