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

package dev.chatstarter.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.error.ProviderErrorParser;
import dev.chatstarter.core.internal.wire.ChatCompletionReader;
import dev.chatstarter.core.stream.ChatChunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of the fast paths for stream chunks
 * ({@link ChatCompletionReader#readPlainChunk}) and for answers
 * ({@link ChatCompletionReader#readPlainResponse}): for any text, each either gives up or
 * returns exactly what the general path (parse, check for errors, read) returns, and
 * never accepts an error or text that is not JSON. {@code ./mvnw verify} replays the
 * corpus in
 * {@code src/test/resources/dev/chatstarter/core/fuzz/PlainChunkFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class PlainChunkFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ChatCompletionReader READER = new ChatCompletionReader(JSON);

	@FuzzTest(maxDuration = "60s")
	void readsChunksAsTheGeneralPathDoes(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		Bounded.run(Duration.ofSeconds(10), () -> check(text));
	}

	private static void check(String text) {
		ChatChunk chunk = READER.readPlainChunk("fuzz", text.getBytes(StandardCharsets.UTF_8));
		if (chunk != null) {
			JsonNode tree = tree(text);
			assertThat(ProviderErrorParser.fromJson(tree)).as("an error read as a chunk").isNull();
			assertThat(chunk).isEqualTo(READER.readChunk("fuzz", tree));
		}
		ChatResponse response = READER.readPlainResponse("fuzz", text.getBytes(StandardCharsets.UTF_8));
		if (response != null) {
			JsonNode tree = tree(text);
			assertThat(ProviderErrorParser.fromJson(tree)).as("an error read as an answer").isNull();
			assertThat(response).isEqualTo(READER.readResponse("fuzz", tree));
		}
	}

	private static JsonNode tree(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new AssertionError("a fast path accepted text that is not JSON: " + text, ex);
		}
	}

}
