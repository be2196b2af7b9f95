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

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.stream.ChatChunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChatCompletionReader#readPlainChunk} and
 * {@link ChatCompletionReader#readPlainResponse} read the chunks and answers real
 * providers send exactly as the general path does, and give up (return {@code null}) on
 * everything they cannot read exactly or that could be an error.
 */
class PlainCompletionReadingTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ChatCompletionReader reader = new ChatCompletionReader(this.jsonMapper);

	static Stream<String> plainChunks() {
		return Stream.of(
				"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,\"model\":\"gpt-4o\","
						+ "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
						+ "\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
				"{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你好\\n\\\"quoted\\\" \\u00e9\"},"
						+ "\"finish_reason\":null}]}",
				"{\"choices\":[{\"delta\":{\"content\":\"no index, no id\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,"
						+ "\"completion_tokens\":5,\"total_tokens\":8,\"prompt_tokens_details\":{\"cached_tokens\":1},"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":2},\"cost\":0.5}}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"think\",\"content\":null}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"think\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":null,\"reasoning\":\"second\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
						+ "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"city\\\"\"}}]}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"f\","
						+ "\"arguments\":{\"city\":\"Paris\"}}}]}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"a message, not a delta\"},"
						+ "\"finish_reason\":\"stop\"}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"ignored\"},\"delta\":{\"content\":\"delta wins\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":null,\"message\":{\"content\":\"delta is null\"}}]}",
				"{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"logprobs\":{\"content\":[{\"token\":\"x\","
						+ "\"logprob\":-0.1,\"bytes\":[120],\"top_logprobs\":[{\"token\":\"y\",\"logprob\":-2}]}]}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"extra\":{\"nested\":[1,2,{\"a\":true}]}}}],"
						+ "\"obfuscation\":\"abc\",\"service_tier\":\"default\",\"provider\":{\"name\":\"relay\"}}",
				"{\"model\":null,\"id\":null,\"created\":null,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"ASSISTANT\","
						+ "\"content\":\"x\"},\"finish_reason\":null}]}",
				"{\"created\":\"1741569952\",\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"strings\"}}]}",
				"{\"created\":9999999999999,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"long created\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"dup\"},\"delta\":{\"content\":\"last wins\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":{\"odd\":1},\"role\":[\"x\"]}}]}");
	}

	static Stream<String> otherEvents() {
		return Stream.of("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}],\"error\":{\"message\":\"mid-stream\"}}",
				"{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}",
				"{\"id\":\"c\",\"object\":\"chat.completion.chunk\"}", "{\"codes\":\"10001\",\"mess\":\"余额不足\"}",
				"{\"code\":500,\"msg\":\"upstream error\"}",
				"[{\"error\":{\"code\":429,\"message\":\"Resource exhausted\"}}]",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"parts\"}]}}]}",
				"{\"choices\":[{\"index\":0.0,\"delta\":{\"content\":\"float index\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":42}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}{\"trailing\":true}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut", "not json", "\"a string\"",
				"{\"choices\":[\"not an object\"]}", "{\"choices\":{\"0\":{}}}");
	}

	static Stream<String> plainResponses() {
		return Stream.of(
				"{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
						+ "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
						+ "\"content\":\"Hello! How can I assist you today?\",\"refusal\":null,\"annotations\":[]},"
						+ "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,"
						+ "\"completion_tokens\":10,\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,"
						+ "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
						+ "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
						+ "\"system_fingerprint\":\"fp_1\"}",
				"{\"choices\":[{\"message\":{\"content\":\"no index, no id, no usage\"}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
						+ "\"call_abc\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
						+ "\"{\\\"city\\\":\\\"Paris\\\"}\"}},{\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}},"
						+ "{\"function\":{}}]},\"finish_reason\":\"tool_calls\"}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\",\"name\":\"bot\",\"reasoning_content\":"
						+ "\"think\"}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\",\"reasoning\":\"think\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a delta, not a message\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ignored\"},\"message\":{\"content\":\"message wins\"}}]}",
				"{\"choices\":[{\"index\":0,\"message\":null,\"delta\":{\"content\":\"message is null\"}}]}",
				"{\"choices\":[{\"index\":0}]}",
				"{\"choices\":[{\"index\":1,\"message\":{\"content\":\"b\"}},{\"index\":0,\"message\":{\"content\":\"a\"}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"},\"logprobs\":{\"content\":[{\"token\":\"x\","
						+ "\"logprob\":-0.1,\"bytes\":[120],\"top_logprobs\":[]}]}}]}",
				"{\"model\":null,\"id\":null,\"created\":null,\"choices\":[{\"index\":0,\"message\":{\"content\":\"你好\"},"
						+ "\"finish_reason\":\"sensitive\"}],\"usage\":{\"prompt_tokens\":1,\"prompt_cache_hit_tokens\":1}}",
				"{\"created\":\"1741569952\",\"choices\":[{\"index\":\"0\",\"message\":{\"content\":\"strings\"}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":{\"odd\":1},\"name\":[\"x\"]}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":\"1\",\"cost\":null,"
						+ "\"cost\":0.5,\"prompt_cache_hit_tokens\":4,\"prompt_tokens_details\":null,\"total_tokens\":9,"
						+ "\"total_tokens\":null,\"completion_tokens_details\":{\"reasoning_tokens\":2,\"x\":[1,{\"y\":null}]},"
						+ "\"note\":\"a\",\"note\":null}}");
	}

	static Stream<String> otherAnswers() {
		return Stream.of("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}],\"error\":null}",
				"{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}", "{\"id\":\"c\",\"object\":\"chat.completion\"}",
				"{\"codes\":\"10001\",\"mess\":\"余额不足\"}", "{\"code\":500,\"msg\":\"upstream error\"}",
				"[{\"error\":{\"code\":429,\"message\":\"Resource exhausted\"}}]",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"parts\"}]}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":42}}]}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":1.5}}",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}]} trailing",
				"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"cut", "<html><title>502</title></html>", "");
	}

	@ParameterizedTest
	@MethodSource("plainResponses")
	void readsPlainAnswersAsTheGeneralPathDoes(String json) {
		ChatResponse plain = this.reader.readPlainResponse("kuai", json.getBytes(StandardCharsets.UTF_8));
		assertThat(plain).as("read on the fast path").isNotNull();
		assertThat(plain).isEqualTo(this.reader.readResponse("kuai", this.jsonMapper.readTree(json)));
	}

	@ParameterizedTest
	@MethodSource("otherAnswers")
	void leavesErrorAnswersAndUnusualShapesToTheGeneralPath(String json) {
		assertThat(this.reader.readPlainResponse("kuai", json.getBytes(StandardCharsets.UTF_8))).isNull();
	}

	@ParameterizedTest
	@MethodSource("plainChunks")
	void readsPlainChunksAsTheGeneralPathDoes(String json) {
		ChatChunk plain = this.reader.readPlainChunk("openai", json.getBytes(StandardCharsets.UTF_8));
		assertThat(plain).as("read on the fast path").isNotNull();
		assertThat(plain).isEqualTo(this.reader.readChunk("openai", this.jsonMapper.readTree(json)));
	}

	@ParameterizedTest
	@MethodSource("otherEvents")
	void leavesErrorsAndUnusualShapesToTheGeneralPath(String json) {
		assertThat(this.reader.readPlainChunk("openai", json.getBytes(StandardCharsets.UTF_8))).isNull();
	}

}
