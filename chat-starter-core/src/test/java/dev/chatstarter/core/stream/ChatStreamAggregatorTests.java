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

package dev.chatstarter.core.stream;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Logprobs.TokenLogprob;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatStreamAggregator}.
 */
class ChatStreamAggregatorTests {

	private final ChatStreamAggregator aggregator = new ChatStreamAggregator("openai");

	@Test
	void contentThenFinishThenUsageOnlyChunk() {
		// the OpenAI stream of provider-quirks.md 1.1
		this.aggregator.add(chunk("chatcmpl-1", "gpt-4o-mini", null, choice(0, Role.ASSISTANT, "", null, null)));
		this.aggregator.add(chunk("chatcmpl-1", "gpt-4o-mini", null, choice(0, null, "Hi", null, null)));
		assertThat(this.aggregator.isFinished()).isFalse();
		this.aggregator.add(chunk("chatcmpl-1", "gpt-4o-mini", null, choice(0, null, null, null, "stop")));
		assertThat(this.aggregator.isFinished()).isTrue();
		this.aggregator.add(chunk("chatcmpl-1", "gpt-4o-mini", Usage.of(9, 2, 11)));

		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.provider()).isEqualTo("openai");
		assertThat(response.id()).isEqualTo("chatcmpl-1");
		assertThat(response.model()).isEqualTo("gpt-4o-mini");
		assertThat(response.created()).isEqualTo(1717747931L);
		assertThat(response.choices()).hasSize(1);
		assertThat(response.content()).isEqualTo("Hi");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(9, 2, 11));
		assertThat(response.message().role()).isEqualTo(Role.ASSISTANT);
		assertThat(response.toolCalls()).isEmpty();
		assertThat(response.reasoningContent()).isNull();
		assertThat(response.result().logprobs()).isNull();
	}

	@Test
	void usageOnTheFinishChunk() {
		this.aggregator.add(chunk("c", "m", null, choice(0, null, "Hello", null, null)));
		this.aggregator.add(chunk("c", "m", Usage.of(3, 1, 4), choice(0, null, null, null, "length")));
		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.usage()).isEqualTo(Usage.of(3, 1, 4));
		assertThat(response.finishReason()).isEqualTo("length");
		assertThat(this.aggregator.isFinished()).isTrue();
	}

	@Test
	void lastUsageWinsForCumulativeUsage() {
		this.aggregator.add(chunk("c", "m", Usage.of(5, 1, 6), choice(0, null, "a", null, null)));
		this.aggregator.add(chunk("c", "m", Usage.of(5, 2, 7), choice(0, null, "b", null, null)));
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "stop")));
		assertThat(this.aggregator.toResponse().usage()).isEqualTo(Usage.of(5, 2, 7));
	}

	@Test
	void firstIdCreatedAndFingerprintLastModel() {
		this.aggregator.add(new ChatChunk(null, null, null, List.of(), null, null));
		this.aggregator.add(new ChatChunk("first", "gpt-4.1", 1L, List.of(), null, "fp_1"));
		this.aggregator.add(new ChatChunk("second", "gpt-4.1-2025-04-14", 2L, List.of(), null, "fp_2"));
		this.aggregator.add(new ChatChunk(null, null, null, List.of(), null, null));
		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.id()).isEqualTo("first");
		assertThat(response.created()).isEqualTo(1L);
		assertThat(response.systemFingerprint()).isEqualTo("fp_1");
		assertThat(response.model()).isEqualTo("gpt-4.1-2025-04-14");
		assertThat(response.choices()).isEmpty();
		assertThat(response.usage()).isNull();
	}

	@Test
	void reasoningContentFragments() {
		this.aggregator.add(chunk("c", "deepseek-reasoner", null, choice(0, Role.ASSISTANT, null, "Let me", null)));
		this.aggregator.add(chunk("c", "deepseek-reasoner", null, choice(0, null, null, " compare.", null)));
		this.aggregator.add(chunk("c", "deepseek-reasoner", null, choice(0, null, "9.8 is larger.", null, null)));
		this.aggregator.add(chunk("c", "deepseek-reasoner", null, choice(0, null, null, null, "stop")));
		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.reasoningContent()).isEqualTo("Let me compare.");
		assertThat(response.content()).isEqualTo("9.8 is larger.");
	}

	@Test
	void twoInterleavedChoicesSortedByIndex() {
		this.aggregator.add(chunk("c", "m", null, choice(1, Role.ASSISTANT, "B1", null, null)));
		this.aggregator.add(chunk("c", "m", null, choice(0, Role.ASSISTANT, "A1", null, null)));
		this.aggregator
			.add(chunk("c", "m", null, choice(0, null, " A2", null, null), choice(1, null, " B2", null, null)));
		this.aggregator.add(chunk("c", "m", null, choice(1, null, null, null, "length")));
		assertThat(this.aggregator.isFinished()).isTrue();
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "stop")));

		List<Choice> choices = this.aggregator.toResponse().choices();
		assertThat(choices).extracting(Choice::index).containsExactly(0, 1);
		assertThat(choices).extracting((choice) -> choice.message().text()).containsExactly("A1 A2", "B1 B2");
		assertThat(choices).extracting(Choice::finishReason).containsExactly("stop", "length");
	}

	@Test
	void noFinishReasonIsNotFinished() {
		this.aggregator.add(chunk("c", "m", null, choice(0, Role.ASSISTANT, "Half an ans", null, null)));
		this.aggregator.add(chunk("c", "m", Usage.of(1, 1, 2)));
		assertThat(this.aggregator.isFinished()).isFalse();
		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.content()).isEqualTo("Half an ans");
		assertThat(response.finishReason()).isNull();
	}

	@Test
	void blankFinishReasonIsIgnored() {
		this.aggregator.add(chunk("c", "m", null, choice(0, null, "a", null, "")));
		assertThat(this.aggregator.isFinished()).isFalse();
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "stop")));
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "")));
		assertThat(this.aggregator.isFinished()).isTrue();
		assertThat(this.aggregator.toResponse().finishReason()).isEqualTo("stop");
	}

	@Test
	void toolCallStreamToFinishReasonToolCalls() {
		this.aggregator.add(chunk("c", "m", null, new ChunkChoice(0, Role.ASSISTANT, null, null,
				List.of(new ToolCallDelta(0, "call_abc", "get_weather", "")), null, null)));
		this.aggregator.add(chunk("c", "m", null, new ChunkChoice(0, null, null, null,
				List.of(new ToolCallDelta(0, null, null, "{\"city\":")), null, null)));
		this.aggregator.add(chunk("c", "m", null, new ChunkChoice(0, null, null, null,
				List.of(new ToolCallDelta(0, null, null, "\"Paris\"}")), null, null)));
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "tool_calls")));

		ChatResponse response = this.aggregator.toResponse();
		assertThat(this.aggregator.isFinished()).isTrue();
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
		assertThat(response.message().hasToolCalls()).isTrue();
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_abc", "get_weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void emptyContentBesideToolCallsIsReportedAsNull() {
		// Ollama: content "" with whole parallel calls at index 0
		this.aggregator.add(chunk("c", "m", null,
				new ChunkChoice(0, Role.ASSISTANT, "", null, List.of(new ToolCallDelta(0, "call_1", "f", "{\"a\":1}"),
						new ToolCallDelta(0, "call_2", "f", "{\"a\":2}")), null, null)));
		this.aggregator.add(chunk("c", "m", null, choice(0, null, "", null, "tool_calls")));
		ChatResponse response = this.aggregator.toResponse();
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
	}

	@Test
	void emptyContentWithoutToolCallsIsKept() {
		this.aggregator.add(chunk("c", "m", null, choice(0, Role.ASSISTANT, "", null, "stop")));
		assertThat(this.aggregator.toResponse().content()).isEmpty();
	}

	@Test
	void roleDefaultsToAssistant() {
		this.aggregator.add(chunk("c", "m", null, choice(0, null, "x", null, "stop")));
		ChatMessage message = this.aggregator.toResponse().message();
		assertThat(message.role()).isEqualTo(Role.ASSISTANT);
		assertThat(message.toolCallId()).isNull();
	}

	@Test
	void logprobsAreConcatenated() {
		TokenLogprob hello = new TokenLogprob("Hello", -0.1, null, List.of());
		TokenLogprob world = new TokenLogprob(" world", -0.2, null, List.of());
		this.aggregator.add(chunk("c", "m", null,
				new ChunkChoice(0, null, "Hello", null, List.of(), null, new Logprobs(List.of(hello)))));
		this.aggregator.add(chunk("c", "m", null, choice(0, null, "", null, null)));
		this.aggregator.add(chunk("c", "m", null,
				new ChunkChoice(0, null, " world", null, List.of(), "stop", new Logprobs(List.of(world)))));
		Choice choice = this.aggregator.toResponse().result();
		assertThat(choice.message().text()).isEqualTo("Hello world");
		assertThat(choice.logprobs().content()).containsExactly(hello, world);
	}

	@Test
	void manyChunks() {
		for (int i = 0; i < 10_000; i++) {
			this.aggregator.add(chunk("c", "m", null, choice(0, null, "ab", null, null)));
		}
		this.aggregator.add(chunk("c", "m", null, choice(0, null, null, null, "stop")));
		assertThat(this.aggregator.toResponse().content()).hasSize(20_000);
	}

	private static ChatChunk chunk(String id, String model, Usage usage, ChunkChoice... choices) {
		return new ChatChunk(id, model, 1717747931L, List.of(choices), usage, null);
	}

	private static ChunkChoice choice(int index, Role role, String content, String reasoning, String finishReason) {
		return new ChunkChoice(index, role, content, reasoning, List.of(), finishReason, null);
	}

}
