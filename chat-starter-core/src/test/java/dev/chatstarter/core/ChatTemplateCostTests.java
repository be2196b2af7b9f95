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

package dev.chatstarter.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.cost.ModelPrice;
import dev.chatstarter.core.cost.Pricing;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cost of calls by the provider's pricing, and the provider's budget, against
 * WireMock.
 */
class ChatTemplateCostTests extends WireMockSupport {

	private static final Pricing PRICING = new Pricing(
			Map.of("gpt-4o", new ModelPrice(new BigDecimal("2.5"), new BigDecimal("10"), new BigDecimal("1.25"))));

	/** 800 fresh and 200 cached prompt tokens, 500 completion tokens: 0.00725. */
	private static final String PRICED = """
			{"id":"c","model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"pong"},
			 "finish_reason":"stop"}],"usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500,
			 "prompt_tokens_details":{"cached_tokens":200}}}""";

	private final List<String> spends = new ArrayList<>();

	private ChatTemplate priced(Budget budget) {
		return templateBuilder()
			.cost((cost) -> cost.pricing(PRICING)
				.budget(budget)
				.spendListener((provider, model, amount) -> this.spends.add(provider + " " + model + " " + amount)))
			.build();
	}

	@Test
	void aCallCostsItsTokensAtTheirPricesAndTheListenerIsTold() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PRICED)));
		ChatResponse response = priced(null).prompt("ping").call().response();
		assertThat(response.cost()).isEqualByComparingTo("0.00725");
		assertThat(this.spends).containsExactly("aigc gpt-4o 0.00725");
	}

	@Test
	void aModelWithoutPriceOrAnAnswerWithoutUsageHasNoCost() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		assertThat(priced(null).prompt("ping").call().response().cost()).isNull();
		ChatTemplate other = templateBuilder().defaultOptions((options) -> options.model("o1"))
			.cost((cost) -> cost.pricing(PRICING))
			.build();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PRICED.replace("gpt-4o-2024-08-06", "o1"))));
		assertThat(other.prompt("ping").call().response().cost()).isNull();
		assertThat(this.spends).isEmpty();
	}

	@Test
	void theRoundsOfAToolLoopAreSummed() {
		String toolCall = """
				{"id":"r1","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,
				 "tool_calls":[{"id":"call_1","type":"function","function":{"name":"clock","arguments":"{}"}}]},
				 "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":400,"completion_tokens":100,"total_tokens":500}}""";
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(okJson(toolCall)));
		wireMock.stubFor(
				post("/v1/chat/completions").withRequestBody(containing("tool_call_id")).willReturn(okJson(PRICED)));
		ChatTemplate chat = templateBuilder().toolRegistry(ToolRegistry.of(ToolCallbacks.fromBean(new Clock())))
			.cost((cost) -> cost.pricing(PRICING))
			.build();
		ChatResponse response = chat.prompt().user("what time is it").tools("clock").call().response();
		assertThat(response.cost()).as("0.002 for the tool round, 0.00725 for the answer")
			.isEqualByComparingTo("0.00925");
	}

	@Test
	void theRoundsOfAStreamedToolLoopAreSummedInItsResponse() {
		String toolRound = """
				data: {"id":"r1","model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"clock","arguments":"{}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":400,"completion_tokens":100,"total_tokens":500}}

				data: [DONE]

				""";
		String answerRound = """
				data: {"id":"r2","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"noon"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500}}

				data: [DONE]

				""";
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(toolRound)));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(answerRound)));
		ChatTemplate chat = templateBuilder().toolRegistry(ToolRegistry.of(ToolCallbacks.fromBean(new Clock())))
			.cost((cost) -> cost.pricing(PRICING))
			.build();
		ChatResponse response = chat.prompt().user("what time is it").tools("clock").stream().response().block();
		assertThat(response.content()).isEqualTo("noon");
		assertThat(response.cost()).as("0.002 for the tool round, 0.0075 for the answer")
			.isEqualByComparingTo("0.0095");
	}

	@Test
	void aSpentBudgetRefusesTheNextCallWithoutSendingIt() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PRICED)));
		ChatTemplate chat = priced(new Budget(new BigDecimal("0.01"), Budget.Period.DAY, Budget.Action.FAIL));
		chat.prompt("ping").call().content();
		BudgetState afterOne = chat.budgetState();
		assertThat(afterOne.spent()).isEqualByComparingTo("0.00725");
		assertThat(afterOne.remaining()).isEqualByComparingTo("0.00275");
		chat.prompt("ping").call().content();
		assertThatExceptionOfType(ChatBudgetExceededException.class)
			.isThrownBy(() -> chat.prompt("ping").call().content())
			.withMessageContaining("the budget of 0.01 per day is spent (0.0145")
			.withMessageContaining("chat.providers.aigc.budget.limit")
			.satisfies((ex) -> assertThat(ex.isFallbackAllowed()).isFalse());
		awaitChatRequests(2);
		assertThat(chat.budgetState().remaining()).isZero();
	}

	@Test
	void aSpentBudgetGoesToTheFallbacksOnlyWhenItSaysSo() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PRICED)));
		wireMock.stubFor(post("/backup/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate backup = templateBuilder().provider("backup").baseUrl(baseUrl() + "/backup/v1").build();
		Budget small = new Budget(new BigDecimal("0.001"), Budget.Period.MONTH, Budget.Action.FALLBACK);
		ChatTemplate fallingBack = templateBuilder().cost((cost) -> cost.pricing(PRICING).budget(small))
			.fallback(backup)
			.build();
		assertThat(fallingBack.prompt("ping").call().response().provider()).isEqualTo("aigc");
		assertThat(fallingBack.prompt("ping").call().response().provider()).isEqualTo("backup");
		ChatTemplate failing = templateBuilder()
			.cost((cost) -> cost.pricing(PRICING)
				.budget(new Budget(new BigDecimal("0.001"), Budget.Period.MONTH, Budget.Action.FAIL)))
			.fallback(backup)
			.build();
		failing.prompt("ping").call().content();
		assertThatExceptionOfType(ChatBudgetExceededException.class)
			.isThrownBy(() -> failing.prompt("ping").call().content());
	}

	@Test
	void aStreamIsChargedWhenItEnds() {
		String sse = """
				data: {"id":"s","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"po"}}]}

				data: {"id":"s","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"ng"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500}}

				data: [DONE]

				""";
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse)));
		ChatTemplate chat = priced(new Budget(new BigDecimal("1"), Budget.Period.DAY, Budget.Action.FAIL));
		assertThat(chat.prompt("ping").stream().content().collectList().block()).containsExactly("po", "ng");
		assertThat(chat.budgetState().spent()).as("1000 prompt and 500 completion tokens")
			.isEqualByComparingTo("0.0075");
		assertThat(this.spends).containsExactly("aigc gpt-4o 0.0075");
		assertThat(chat.prompt("ping").stream().response().block().cost()).as("the folded stream")
			.isEqualByComparingTo("0.0075");
		assertThat(chat.prompt("ping").stream().chunks().filter((chunk) -> chunk.cost() != null).count().block())
			.as("only the chunk that carries usage")
			.isOne();
	}

	@Test
	void aRouteBudgetCountsWhatItsDeploymentsProvidersPriced() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PRICED)));
		wireMock.stubFor(post("/backup/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate priced = templateBuilder().cost((cost) -> cost.pricing(PRICING)).build();
		ChatTemplate backup = templateBuilder().provider("backup").baseUrl(baseUrl() + "/backup/v1").build();
		ChatTemplate route = ChatTemplate.route("smart")
			.deployment(priced, "gpt-4o", 1)
			.budget(new Budget(new BigDecimal("0.01"), Budget.Period.DAY, Budget.Action.FALLBACK))
			.fallback(backup)
			.build();
		assertThat(route.prompt("ping").call().response().deployment()).isEqualTo("aigc/gpt-4o");
		assertThat(route.prompt("ping").call().response().deployment()).isEqualTo("aigc/gpt-4o");
		assertThat(route.budgetState().spent()).isEqualByComparingTo("0.0145");
		assertThat(route.prompt("ping").call().response().provider()).as("spent: the route's fallback answers")
			.isEqualTo("backup");
		ChatTemplate failing = ChatTemplate.route("strict")
			.deployment(priced, "gpt-4o", 1)
			.budget(new Budget(new BigDecimal("0.001"), Budget.Period.DAY, Budget.Action.FAIL))
			.build();
		failing.prompt("ping").call().content();
		assertThatExceptionOfType(ChatBudgetExceededException.class)
			.isThrownBy(() -> failing.prompt("ping").call().content())
			.withMessageContaining("chat.routes.strict.budget.limit");
		assertThat(priced.budgetState()).as("the provider has no budget of its own").isNull();
	}

	static class Clock {

		@ChatTool(description = "The time")
		String clock() {
			return "noon";
		}

	}

}
