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

package dev.chatstarter.core.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatOptions#rebased}: what a fallback provider is sent.
 */
class ChatOptionsRebasedTests {

	private final ChatOptions primaryDefaults = ChatOptions.builder()
		.model("gpt-4o")
		.temperature(0.1)
		.user("team-a")
		.extraBody(Map.of("enable_thinking", false, "region", "us"))
		.build();

	private final ChatOptions fallbackDefaults = ChatOptions.builder()
		.model("qwen-plus")
		.temperature(0.9)
		.extraBody(Map.of("enable_thinking", true))
		.build();

	@Test
	void fallbackKeepsItsOwnModelAndDefaultsAndTheRequestsOwnOptions() {
		ChatOptions perCall = ChatOptions.builder()
			.model("gpt-4o-mini")
			.maxTokens(50)
			.responseFormat(ResponseFormat.jsonObject())
			.extraBody(Map.of("seed_note", "x"))
			.build();
		ChatOptions request = this.primaryDefaults.mergedWith(perCall);

		ChatOptions sent = request.rebased(this.primaryDefaults, this.fallbackDefaults);

		assertThat(sent.model()).isEqualTo("qwen-plus");
		assertThat(sent.temperature()).isEqualTo(0.9);
		assertThat(sent.user()).as("a default of the first provider only").isNull();
		assertThat(sent.maxTokens()).isEqualTo(50);
		assertThat(sent.responseFormat()).isEqualTo(ResponseFormat.jsonObject());
		assertThat(sent.extraBody())
			.containsExactlyInAnyOrderEntriesOf(Map.of("enable_thinking", true, "seed_note", "x"));
	}

	@Test
	void fallbackWithoutAModelKeepsTheRequestsModel() {
		ChatOptions sent = this.primaryDefaults.rebased(this.primaryDefaults, ChatOptions.empty());
		assertThat(sent.model()).isEqualTo("gpt-4o");
		assertThat(sent.temperature()).isNull();
	}

	@Test
	void everyOptionLeftAtTheOldDefaultTakesTheNewDefault() {
		ChatOptions everything = everyOptionSet();
		assertThat(ChatOptions.empty().rebased(ChatOptions.empty(), everything)).isEqualTo(everything);
		assertThat(everything.rebased(everything, ChatOptions.empty()))
			.isEqualTo(ChatOptions.builder().model(everything.model()).build());
	}

	@Test
	void everyOptionTheCallerChangedIsKept() {
		ChatOptions everything = everyOptionSet();
		assertThat(everything.rebased(ChatOptions.empty(), this.fallbackDefaults)).isEqualTo(everything.mutate()
			.model("qwen-plus")
			.extraBody(Map.of("enable_thinking", true, "region", "eu"))
			.build());
	}

	private static ChatOptions everyOptionSet() {
		return ChatOptions.builder()
			.model("m")
			.temperature(0.5)
			.topP(0.9)
			.n(2)
			.stop("END")
			.maxTokens(10)
			.maxCompletionTokens(20)
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.logitBias(Map.of("42", 5))
			.user("u")
			.seed(7L)
			.logprobs(true)
			.topLogprobs(3)
			.reasoningEffort("low")
			.responseFormat(ResponseFormat.jsonObject())
			.tools(List.of(ToolDefinition.of("weather", "Weather", Map.of("type", "object"))))
			.toolChoice(ToolChoice.auto())
			.parallelToolCalls(false)
			.extraBody(Map.of("region", "eu"))
			.build();
	}

}
