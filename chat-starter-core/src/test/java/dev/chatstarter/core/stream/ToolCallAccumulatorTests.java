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

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ToolCallAccumulator}.
 */
class ToolCallAccumulatorTests {

	private final ToolCallAccumulator accumulator = new ToolCallAccumulator();

	@Test
	void emptyWithoutFragments() {
		assertThat(this.accumulator.isEmpty()).isTrue();
		assertThat(this.accumulator.toToolCalls()).isEmpty();
	}

	@Test
	void canonicalOpenAiFragments() {
		add(0, "call_abc", "get_weather", "");
		add(0, null, null, "{\"city\":");
		add(0, null, null, "\"Paris\"}");
		assertThat(this.accumulator.isEmpty()).isFalse();
		assertThat(this.accumulator.toToolCalls())
			.containsExactly(new ToolCall("call_abc", "get_weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void parallelCallsInterleavedAtIndexZeroAndOne() {
		add(0, "call_a", "get_weather", "");
		add(1, "call_b", "get_time", "");
		add(0, null, null, "{\"city\":");
		add(1, null, null, "{\"zone\":");
		add(1, null, null, "\"UTC\"}");
		add(0, null, null, "\"Paris\"}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(
				new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
				new ToolCall("call_b", "get_time", "{\"zone\":\"UTC\"}"));
	}

	@Test
	void orderIsFirstAppearanceNotIndex() {
		add(1, "call_b", "second", "{}");
		add(0, "call_a", "first", "{}");
		assertThat(this.accumulator.toToolCalls()).extracting(ToolCall::id).containsExactly("call_b", "call_a");
	}

	@Test
	void missingIndexWithIdsGeminiStyle() {
		add(null, "call_1", "get_weather", "{\"city\":\"Paris\"}");
		add(null, "call_2", "get_weather", "{\"city\":\"Rome\"}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(
				new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
				new ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}"));
	}

	@Test
	void missingIndexFragmentsContinueByIdOrLastCall() {
		add(null, "call_1", "a", "{\"x\":");
		add(null, "call_2", "b", "{\"y\":");
		add(null, null, null, "2");
		add(null, "call_1", null, "1");
		add(null, null, null, "}");
		add(null, "call_2", null, "}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_1", "a", "{\"x\":1}"),
				new ToolCall("call_2", "b", "{\"y\":2}"));
	}

	@Test
	void missingIndexAndIdWithANewNameStartsANewCall() {
		add(null, null, "a", "{\"x\":1}");
		add(null, null, "b", "{\"y\":2}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_0", "a", "{\"x\":1}"),
				new ToolCall("call_1", "b", "{\"y\":2}"));
	}

	@Test
	void ollamaWholeCallsAtIndexZeroWithDifferentIds() {
		add(0, "call_x1", "write_file", "{\"path\":\"a.txt\"}");
		add(0, "call_x2", "write_file", "{\"path\":\"b.txt\"}");
		add(0, "call_x3", "read_file", "{\"path\":\"c.txt\"}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(
				new ToolCall("call_x1", "write_file", "{\"path\":\"a.txt\"}"),
				new ToolCall("call_x2", "write_file", "{\"path\":\"b.txt\"}"),
				new ToolCall("call_x3", "read_file", "{\"path\":\"c.txt\"}"));
	}

	@Test
	void lmStudioFreshIdOnEveryFragmentWithoutName() {
		add(0, "id_1", "search", "");
		add(0, "id_2", null, "{\"q\":");
		add(0, "id_3", null, "\"java\"");
		add(0, "id_4", null, "}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("id_1", "search", "{\"q\":\"java\"}"));
	}

	@Test
	void repeatedNameIsNotConcatenated() {
		add(0, "call_1", "search", "{\"q\":");
		add(0, "call_1", "search", "1}");
		add(0, null, "search", "");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_1", "search", "{\"q\":1}"));
	}

	@Test
	void lateNameAfterArgumentFragments() {
		add(0, null, null, "{\"city\":");
		add(0, null, null, "\"Paris\"}");
		add(0, "call_1", "get_weather", null);
		assertThat(this.accumulator.toToolCalls())
			.containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void lateNameWithoutIndex() {
		add(null, null, null, "{\"city\":");
		add(null, null, null, "\"Paris\"}");
		add(null, "call_1", "get_weather", "");
		assertThat(this.accumulator.toToolCalls())
			.containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
	}

	@Test
	void defaultsForMissingIdAndArguments() {
		add(0, null, "no_args", null);
		add(1, "", "empty_args", "");
		add(2, "call_z", "blank_args", "  ");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_0", "no_args", "{}"),
				new ToolCall("call_1", "empty_args", "{}"), new ToolCall("call_z", "blank_args", "{}"));
	}

	@Test
	void argumentsAreNotValidated() {
		add(0, "call_1", "f", "{\"broken\":");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_1", "f", "{\"broken\":"));
	}

	@Test
	void fragmentsCarryingNothingAreLeftOut() {
		add(0, null, null, null);
		assertThat(this.accumulator.isEmpty()).isTrue();
		assertThat(this.accumulator.toToolCalls()).isEmpty();
		add(0, null, null, "{}");
		assertThat(this.accumulator.toToolCalls()).containsExactly(new ToolCall("call_0", "", "{}"));
	}

	@Test
	void rejectsNullDelta() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.accumulator.add(null));
	}

	private void add(Integer index, String id, String name, String arguments) {
		this.accumulator.add(new ToolCallDelta(index, id, name, arguments));
	}

}
