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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionReaderTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ChatCompletionReader reader = new ChatCompletionReader(this.jsonMapper);

	private ChatResponse response(String json) {
		return this.reader.readResponse("p", this.jsonMapper.readTree(json));
	}

	private ChatChunk chunk(String json) {
		return this.reader.readChunk("openai", this.jsonMapper.readTree(json));
	}

	@Test
	void seed002ResponseKeepsTheModelTheProviderAnswered() {
		ChatResponse response = response(
				"""
						{"id":"chatcmpl-xxx","object":"chat.completion","created":1741569952,"model":"gpt-4.1-2025-04-14",
						 "choices":[{"index":0,"message":{"role":"assistant","content":"你好!我能为你提供什么帮助?"},"finish_reason":"stop"}],
						 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}""");
		assertThat(response.provider()).isEqualTo("p");
		assertThat(response.id()).isEqualTo("chatcmpl-xxx");
		assertThat(response.model()).isEqualTo("gpt-4.1-2025-04-14");
		assertThat(response.created()).isEqualTo(1741569952L);
		assertThat(response.content()).isEqualTo("你好!我能为你提供什么帮助?");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(19, 10, 29));
	}

	@Test
	void seed004ResponseWithoutObjectOrModel() {
		ChatResponse response = response("""
				{
				  "id": "as-bcmt5ct4iy",
				  "created": 1680167072,
				  "choices":[{"message":{"role":"assistant","content":"1+100=101"},"finish_reason":"stop","index":0}],
				  "usage": {
				    "prompt_tokens": 470,
				    "completion_tokens": 198,
				    "total_tokens": 668
				  }
				}""");
		assertThat(response.model()).isNull();
		assertThat(response.content()).isEqualTo("1+100=101");
		assertThat(response.usage().totalTokens()).isEqualTo(668);
	}

	@Test
	void nullContentUnknownFieldsAndToolCalls() {
		ChatResponse response = response(
				"""
						{"choices":[{"message":{"role":"assistant","content":null,"refusal":null,"annotations":[],
						   "tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_current_weather","arguments":"{\\"location\\":\\"北京\\"}"}},
						                 {"type":"function","function":{"name":"ollama_style","arguments":{"city":"Paris"}}}]},
						   "finish_reason":"tool_calls","some_vendor_field":1}],"vendor":{"x":1}}""");
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).containsExactly(
				new ToolCall("call_a", "get_current_weather", "{\"location\":\"北京\"}"),
				new ToolCall("call_1", "ollama_style", "{\"city\":\"Paris\"}"));
		assertThat(response.usage()).isNull();
		assertThat(response.id()).isNull();
	}

	@Test
	void reasoningUnderEitherName() {
		assertThat(response("{\"choices\":[{\"message\":{\"content\":\"9.8\",\"reasoning_content\":\"compare\"}}]}")
			.reasoningContent()).isEqualTo("compare");
		assertThat(response("{\"choices\":[{\"message\":{\"content\":\"9.8\",\"reasoning\":\"think\"}}]}")
			.reasoningContent()).isEqualTo("think");
	}

	@Test
	void contentAsArrayOfParts() {
		assertThat(response(
				"{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}}]}")
			.content()).isEqualTo("ab");
	}

	@Test
	void usageDetailsAndExtras() {
		Usage usage = response(
				"""
						{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,
						 "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2},
						 "prompt_cache_miss_tokens":6}}""")
			.usage();
		assertThat(usage.cachedPromptTokens()).isEqualTo(4);
		assertThat(usage.reasoningTokens()).isEqualTo(2);
		assertThat(usage.extra()).containsEntry("prompt_cache_miss_tokens", 6).containsKey("prompt_tokens_details");
		Usage deepSeek = response(
				"{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"usage\":{\"prompt_cache_hit_tokens\":7}}")
			.usage();
		assertThat(deepSeek.cachedPromptTokens()).isEqualTo(7);
		assertThat(deepSeek.promptTokens()).isNull();
	}

	@Test
	void logprobs() {
		ChatResponse response = response(
				"""
						{"choices":[{"message":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105],
						 "top_logprobs":[{"token":"Hi","logprob":-0.1,"bytes":[72,105]},{"token":"Hey","logprob":-2.5,"bytes":null}]}]}}]}""");
		var token = response.result().logprobs().content().get(0);
		assertThat(token.token()).isEqualTo("Hi");
		assertThat(token.logprob()).isEqualTo(-0.1);
		assertThat(token.bytes()).containsExactly(72, 105);
		assertThat(token.topLogprobs()).hasSize(2);
		assertThat(token.topLogprobs().get(1).bytes()).isNull();
	}

	@Test
	void chunkWithDeltaToolCallsAndUsage() {
		ChatChunk chunk = chunk(
				"""
						{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini",
						 "choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}],"usage":null}""");
		ChunkChoice choice = chunk.choices().get(0);
		assertThat(chunk.model()).isEqualTo("gpt-4o-mini");
		assertThat(choice.content()).isNull();
		assertThat(choice.toolCalls()).containsExactly(new ToolCallDelta(0, "call_abc", "get_weather", ""));
		assertThat(chunk.usage()).isNull();
		ChatChunk usage = chunk(
				"{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}");
		assertThat(usage.choices()).isEmpty();
		assertThat(usage.usage()).isEqualTo(Usage.of(9, 2, 11));
	}

	@Test
	void chunkWithoutIndexAndWithMessageInsteadOfDelta() {
		ChatChunk chunk = chunk("{\"choices\":[{\"message\":{\"content\":\"whole\"},\"finish_reason\":\"stop\"}]}");
		assertThat(chunk.choices().get(0).index()).isZero();
		assertThat(chunk.content()).isEqualTo("whole");
		assertThat(chunk.choices().get(0).finishReason()).isEqualTo("stop");
		ChatChunk reasoning = chunk("{\"choices\":[{\"delta\":{\"reasoning\":\"hm\"}}]}");
		assertThat(reasoning.choices().get(0).reasoningContent()).isEqualTo("hm");
	}

}
