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

package dev.chatstarter.core.internal.wire;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Logprobs.TokenLogprob;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.error.ChatResponseTooLargeException;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link StreamSizeLimit}: every dimension a folded stream keeps is counted,
 * and passing the limit fails with a {@link ChatResponseTooLargeException} that says what
 * to raise.
 */
class StreamSizeLimitTests {

	private static final String TEXT = "x".repeat(100);

	@Test
	void countsContent() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		limit.add(chunk(choice(0, TEXT, null, List.of(), null)));
		assertThat(limit.size()).isEqualTo(StreamSizeLimit.CHOICE_BYTES + 100);
	}

	@Test
	void countsReasoning() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		limit.add(chunk(choice(0, null, TEXT, List.of(), null)));
		assertThat(limit.size()).isEqualTo(StreamSizeLimit.CHOICE_BYTES + 100);
	}

	@Test
	void countsToolCallIdsNamesAndArguments() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		limit.add(chunk(choice(0, null, null, List.of(new ToolCallDelta(0, "call_1", "get_weather", TEXT)), null)));
		assertThat(limit.size())
			.isEqualTo(StreamSizeLimit.CHOICE_BYTES + StreamSizeLimit.TOOL_CALL_BYTES + 6 + 11 + 100);
	}

	@Test
	void countsLogprobsWithTheirAlternativesAndBytes() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		TokenLogprob alternative = new TokenLogprob("ab", -2, null, List.of());
		TokenLogprob token = new TokenLogprob("abc", -1, List.of(97, 98, 99), List.of(alternative));
		limit.add(chunk(choice(0, null, null, List.of(), new Logprobs(List.of(token)))));
		assertThat(limit.size()).isEqualTo(StreamSizeLimit.CHOICE_BYTES + (StreamSizeLimit.LOGPROB_BYTES + 3 + 12)
				+ (StreamSizeLimit.LOGPROB_BYTES + 2));
	}

	@Test
	void countsTextInUtf8Bytes() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		// 2 + 3 + 4 bytes
		limit.add(chunk(choice(0, "é你😀", null, List.of(), null)));
		assertThat(limit.size()).isEqualTo(StreamSizeLimit.CHOICE_BYTES + 9);
	}

	@Test
	void usageOnlyChunksCountNothing() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1);
		limit.add(new ChatChunk("c", "m", 1L, List.of(), Usage.of(1, 2, 3), null));
		assertThat(limit.size()).isZero();
	}

	@Test
	void failsOnceContentPassesTheLimit() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 10 * (StreamSizeLimit.CHOICE_BYTES + 100));
		for (int i = 0; i < 10; i++) {
			limit.add(chunk(choice(0, TEXT, null, List.of(), null)));
		}
		assertThatExceptionOfType(ChatResponseTooLargeException.class)
			.isThrownBy(() -> limit.add(chunk(choice(0, "x", null, List.of(), null))))
			.isInstanceOf(ChatMalformedResponseException.class)
			.satisfies((ex) -> {
				assertThat(ex.getProvider()).isEqualTo("kuai");
				assertThat(ex.getMaxBytes()).isEqualTo(1160);
				assertThat(ex.isRetryable()).isFalse();
			})
			.withMessageContaining("1160 bytes")
			.withMessageContaining("chat.providers.kuai.max-stream-size");
	}

	@Test
	void failsOnManyEmptyChoices() {
		List<ChunkChoice> choices = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			choices.add(choice(i, null, null, List.of(), null));
		}
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 999L * StreamSizeLimit.CHOICE_BYTES);
		assertThatExceptionOfType(ChatResponseTooLargeException.class)
			.isThrownBy(() -> limit.add(new ChatChunk("c", "m", 1L, choices, null, null)));
	}

	@Test
	void failsOnManyEmptyToolCalls() {
		List<ToolCallDelta> calls = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			calls.add(new ToolCallDelta(i, null, null, null));
		}
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 999L * StreamSizeLimit.TOOL_CALL_BYTES);
		assertThatExceptionOfType(ChatResponseTooLargeException.class)
			.isThrownBy(() -> limit.add(chunk(choice(0, null, null, calls, null))));
	}

	@Test
	void failsOnToolCallArguments() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", 1000);
		limit.add(chunk(choice(0, null, null, List.of(new ToolCallDelta(0, "call_1", "f", "{")), null)));
		assertThatExceptionOfType(ChatResponseTooLargeException.class).isThrownBy(() -> {
			for (int i = 0; i < 20; i++) {
				limit.add(chunk(choice(0, null, null, List.of(new ToolCallDelta(0, null, null, TEXT)), null)));
			}
		});
	}

	@Test
	void aStreamAtTheLimitPasses() {
		StreamSizeLimit limit = new StreamSizeLimit("kuai", StreamSizeLimit.CHOICE_BYTES + 100);
		assertThatNoException().isThrownBy(() -> limit.add(chunk(choice(0, TEXT, null, List.of(), null))));
	}

	private static ChatChunk chunk(ChunkChoice choice) {
		return new ChatChunk("c", "m", 1L, List.of(choice), null, null);
	}

	private static ChunkChoice choice(int index, @Nullable String content, @Nullable String reasoning,
			List<ToolCallDelta> calls, @Nullable Logprobs logprobs) {
		return new ChunkChoice(index, null, content, reasoning, calls, null, logprobs);
	}

}
