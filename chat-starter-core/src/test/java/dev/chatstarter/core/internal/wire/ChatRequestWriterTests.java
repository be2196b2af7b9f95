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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.provider.ProviderDialect.AssistantToolCallContent;
import dev.chatstarter.core.provider.ProviderDialect.MaxTokensField;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRequestWriterTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private JsonNode write(ChatRequest request, boolean stream, ProviderDialect dialect) {
		return this.jsonMapper.readTree(new ChatRequestWriter(this.jsonMapper, dialect).write(request, stream));
	}

	private JsonNode write(ChatOptions options, ChatMessage... messages) {
		return write(new ChatRequest(List.of(messages), options), false, ProviderDialect.openAi());
	}

	@Test
	void unsetOptionsAreOmittedNotNull() {
		JsonNode body = write(ChatOptions.builder().model("gpt-4o").build(), ChatMessage.user("你好"));
		assertThat(body.propertyNames()).containsExactly("model", "messages");
		assertThat(body.toString())
			.isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}");
	}

	@Test
	void everySamplingOptionIsWrittenWithItsWireName() {
		ChatOptions options = ChatOptions.builder()
			.model("gpt-4.1")
			.temperature(0.2)
			.topP(0.9)
			.n(2)
			.stop("END", "STOP")
			.maxTokens(300)
			.maxCompletionTokens(400)
			.presencePenalty(0.5)
			.frequencyPenalty(-0.5)
			.logitBias(Map.of("50256", -100))
			.user("张三")
			.seed(42L)
			.logprobs(true)
			.topLogprobs(3)
			.reasoningEffort("low")
			.build();
		JsonNode body = write(options, ChatMessage.user("hi"));
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.get("n").asInt()).isEqualTo(2);
		assertThat(body.get("stop").isArray()).isTrue();
		assertThat(body.get("stop").get(1).asString()).isEqualTo("STOP");
		assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
		assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(400);
		assertThat(body.get("presence_penalty").asDouble()).isEqualTo(0.5);
		assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(-0.5);
		assertThat(body.get("logit_bias").get("50256").asInt()).isEqualTo(-100);
		assertThat(body.get("user").asString()).isEqualTo("张三");
		assertThat(body.get("seed").asLong()).isEqualTo(42L);
		assertThat(body.get("logprobs").asBoolean()).isTrue();
		assertThat(body.get("top_logprobs").asInt()).isEqualTo(3);
		assertThat(body.get("reasoning_effort").asString()).isEqualTo("low");
		assertThat(body.has("stream")).isFalse();
	}

	@Test
	void singleStopSequenceIsSentAsString() {
		JsonNode body = write(ChatOptions.builder().stop("END").build(), ChatMessage.user("hi"));
		assertThat(body.get("stop").isString()).isTrue();
		assertThat(body.get("stop").asString()).isEqualTo("END");
	}

	@Test
	void maxTokensFollowsTheDialect() {
		ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hi")),
				ChatOptions.builder().maxTokens(10).build());
		ProviderDialect dialect = ProviderDialect.openAi()
			.mutate()
			.maxTokensField(MaxTokensField.MAX_COMPLETION_TOKENS)
			.build();
		JsonNode body = write(request, false, dialect);
		assertThat(body.has("max_tokens")).isFalse();
		assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(10);
	}

	@Test
	void streamAsksForUsageUnlessTheDialectForbidsIt() {
		ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hi")), ChatOptions.empty());
		JsonNode body = write(request, true, ProviderDialect.openAi());
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
		JsonNode without = write(request, true, ProviderDialect.openAi().mutate().streamUsage(false).build());
		assertThat(without.get("stream").asBoolean()).isTrue();
		assertThat(without.has("stream_options")).isFalse();
	}

	@Test
	void developerRoleIsRewrittenForProvidersThatRejectIt() {
		ChatRequest request = new ChatRequest(List.of(ChatMessage.developer("be terse"), ChatMessage.user("hi")),
				ChatOptions.empty());
		assertThat(write(request, false, ProviderDialect.openAi()).get("messages").get(0).get("role").asString())
			.isEqualTo("developer");
		JsonNode rewritten = write(request, false, ProviderDialect.openAi().mutate().developerRole(false).build());
		assertThat(rewritten.get("messages").get(0).get("role").asString()).isEqualTo("system");
	}

	@Test
	void visionPartsAreWrittenAsContentArray() {
		ChatMessage message = ChatMessage
			.user(List.of(new TextPart("这张图片是什么?"), ImagePart.of(java.net.URI.create("https://example.com/image.jpg")),
					ImagePart.of(new byte[] { 1, 2, 3 }, MimeTypeUtils.IMAGE_PNG).withDetail("low")));
		JsonNode content = write(ChatOptions.empty(), message).get("messages").get(0).get("content");
		assertThat(content.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"这张图片是什么?\"},"
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/image.jpg\"}},"
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AQID\",\"detail\":\"low\"}}]");
	}

	@Test
	void toolConversationFollowsTheDialect() {
		ChatMessage assistant = ChatMessage
			.assistant(null, List.of(new ToolCall("call_1", "get_current_weather", "{\"location\":\"北京\"}")))
			.withReasoningContent("need weather");
		ChatMessage tool = ChatMessage.tool("call_1", "{\"temperature\":20}");
		ChatRequest request = new ChatRequest(List.of(ChatMessage.user("北京今天天气怎么样"), assistant, tool),
				ChatOptions.empty());
		JsonNode messages = write(request, false, ProviderDialect.openAi()).get("messages");
		assertThat(messages.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
				+ "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\","
				+ "\"arguments\":\"{\\\"location\\\":\\\"北京\\\"}\"}}]}");
		assertThat(messages.get(2).toString())
			.isEqualTo("{\"role\":\"tool\",\"content\":\"{\\\"temperature\\\":20}\",\"tool_call_id\":\"call_1\"}");
		ProviderDialect deepSeek = ProviderDialect.openAi()
			.mutate()
			.assistantToolCallContent(AssistantToolCallContent.EMPTY)
			.echoReasoningContent(true)
			.build();
		JsonNode echoed = write(request, false, deepSeek).get("messages").get(1);
		assertThat(echoed.get("content").asString()).isEmpty();
		assertThat(echoed.get("reasoning_content").asString()).isEqualTo("need weather");
		ProviderDialect omit = ProviderDialect.openAi()
			.mutate()
			.assistantToolCallContent(AssistantToolCallContent.OMIT)
			.build();
		assertThat(write(request, false, omit).get("messages").get(1).has("content")).isFalse();
	}

	@Test
	void legacyFunctionMessageCarriesItsName() {
		JsonNode message = write(ChatOptions.empty(), ChatMessage.user("hi"), ChatMessage.function("lookup", "42"))
			.get("messages")
			.get(1);
		assertThat(message.toString()).isEqualTo("{\"role\":\"function\",\"content\":\"42\",\"name\":\"lookup\"}");
	}

	@Test
	void toolsToolChoiceAndParallelToolCalls() {
		Map<String, Object> parameters = Map.of("type", "object", "properties",
				Map.of("location", Map.of("type", "string", "description", "城市名称")), "required", List.of("location"));
		ChatOptions options = ChatOptions.builder()
			.tools(ToolDefinition.of("get_current_weather", "获取指定位置的当前天气", parameters))
			.toolChoice(ToolChoice.function("get_current_weather"))
			.parallelToolCalls(false)
			.build();
		JsonNode body = write(options, ChatMessage.user("hi"));
		JsonNode function = body.get("tools").get(0).get("function");
		assertThat(body.get("tools").get(0).get("type").asString()).isEqualTo("function");
		assertThat(function.get("name").asString()).isEqualTo("get_current_weather");
		assertThat(function.get("parameters").get("required").get(0).asString()).isEqualTo("location");
		assertThat(body.get("tool_choice").toString())
			.isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\"}}");
		assertThat(body.get("parallel_tool_calls").asBoolean()).isFalse();
		JsonNode auto = write(options.mutate().toolChoice(ToolChoice.required()).build(), ChatMessage.user("hi"));
		assertThat(auto.get("tool_choice").asString()).isEqualTo("required");
		ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hi")), options);
		JsonNode noParallel = write(request, false, ProviderDialect.openAi().mutate().parallelToolCalls(false).build());
		assertThat(noParallel.has("parallel_tool_calls")).isFalse();
	}

	@Test
	void toolChoiceAndParallelToolCallsNeedTools() {
		ChatOptions options = ChatOptions.builder().toolChoice(ToolChoice.auto()).parallelToolCalls(true).build();
		JsonNode body = write(options, ChatMessage.user("hi"));
		assertThat(body.has("tool_choice")).isFalse();
		assertThat(body.has("parallel_tool_calls")).isFalse();
	}

	@Test
	void responseFormats() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("final_answer", Map.of("type", "string")));
		JsonNode jsonSchema = write(
				ChatOptions.builder().responseFormat(ResponseFormat.jsonSchema("MathSolution", schema, true)).build(),
				ChatMessage.user("求解方程: 8x + 31 = 2"))
			.get("response_format");
		assertThat(jsonSchema.get("type").asString()).isEqualTo("json_schema");
		assertThat(jsonSchema.get("json_schema").get("name").asString()).isEqualTo("MathSolution");
		assertThat(jsonSchema.get("json_schema").get("strict").asBoolean()).isTrue();
		assertThat(jsonSchema.get("json_schema").get("schema").get("properties").has("final_answer")).isTrue();
		assertThat(write(ChatOptions.builder().responseFormat(ResponseFormat.jsonObject()).build(),
				ChatMessage.user("json"))
			.get("response_format")
			.toString()).isEqualTo("{\"type\":\"json_object\"}");
		assertThat(write(ChatOptions.builder().responseFormat(ResponseFormat.text()).build(), ChatMessage.user("x"))
			.get("response_format")
			.toString()).isEqualTo("{\"type\":\"text\"}");
	}

	@Test
	void extraBodyIsMergedLastAndCanOverride() {
		ChatOptions options = ChatOptions.builder()
			.model("qwen3")
			.extraBody("enable_thinking", false)
			.extraBody("chat_template_kwargs", Map.of("enable_thinking", false))
			.extraBody("model", "qwen3-override")
			.build();
		JsonNode body = write(options, ChatMessage.user("hi"));
		assertThat(body.get("enable_thinking").asBoolean(true)).isFalse();
		assertThat(body.get("chat_template_kwargs").get("enable_thinking").asBoolean(true)).isFalse();
		assertThat(body.get("model").asString()).isEqualTo("qwen3-override");
	}

}
