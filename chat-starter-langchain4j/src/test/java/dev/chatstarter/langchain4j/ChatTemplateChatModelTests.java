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

package dev.chatstarter.langchain4j;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ChatTemplateChatModel} against the fake server: what LangChain4j's request
 * becomes on the wire, and what the answer becomes in LangChain4j.
 */
class ChatTemplateChatModelTests {

	private FakeChatServer server;

	private ChatTemplate template;

	private ChatTemplateChatModel model;

	@BeforeEach
	void start() {
		this.server = new FakeChatServer().start();
		this.template = ChatTemplate.builder()
			.provider("fake")
			.baseUrl(this.server.baseUrl())
			.defaultOptions((options) -> options.model("default-model").temperature(0.7))
			.retryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))
			.build();
		this.model = new ChatTemplateChatModel(this.template);
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void parametersOverrideTheProvidersDefaultsAndTheAnswerKeepsIdModelUsageAndFinishReason() {
		this.server.enqueue(FakeResponse.text("Bonjour").usage(9, 2).model("gpt-4o-2024-08-06"));
		ChatRequest request = ChatRequest.builder()
			.messages(SystemMessage.from("Be terse."), UserMessage.from("Hello"))
			.parameters(ChatRequestParameters.builder()
				.modelName("gpt-4o")
				.topP(0.9)
				.maxOutputTokens(50)
				.stopSequences(List.of("END"))
				.frequencyPenalty(0.1)
				.presencePenalty(0.2)
				.build())
			.build();

		ChatResponse response = this.model.chat(request);

		assertThat(response.aiMessage().text()).isEqualTo("Bonjour");
		assertThat(response.id()).isNotBlank();
		assertThat(response.modelName()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(9);
		assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(2);
		assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(11);
		assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
		JsonNode body = this.server.takeRequest().json();
		assertThat(body.path("model").asString()).isEqualTo("gpt-4o");
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
		assertThat(body.path("stop").asString()).isEqualTo("END");
		assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.1);
		assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.2);
		assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo("Hello");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void imagesBecomeImagePartsByUrlOrAsDataUrls() {
		this.server.enqueue(FakeResponse.text("A cat"));
		String png = Base64.getEncoder().encodeToString(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		UserMessage user = UserMessage.from(TextContent.from("What is in these images?"),
				ImageContent.from(URI.create("https://example.com/cat.jpg"), ImageContent.DetailLevel.LOW),
				ImageContent.from(png, "image/png"));

		this.model.chat(user);

		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.imageUrls()).containsExactly("https://example.com/cat.jpg", "data:image/png;base64," + png);
		JsonNode parts = recorded.messages().get(0).path("content");
		assertThat(parts.get(1).path("image_url").path("detail").asString()).isEqualTo("low");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void toolSpecificationsAreOfferedAndToolCallsComeBackAsExecutionRequests() {
		this.server.enqueue(FakeResponse.toolCall("call_7", "get_weather", "{\"city\":\"Paris\"}"));
		ToolSpecification weather = ToolSpecification.builder()
			.name("get_weather")
			.description("Current weather of a city")
			.parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
			.build();
		ChatRequest request = ChatRequest.builder()
			.messages(UserMessage.from("Weather in Paris?"))
			.toolSpecifications(weather)
			.toolChoice(ToolChoice.REQUIRED)
			.build();

		ChatResponse response = this.model.chat(request);

		assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_7");
			assertThat(call.name()).isEqualTo("get_weather");
			assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
		});
		JsonNode body = this.server.takeRequest().json();
		JsonNode function = body.path("tools").get(0).path("function");
		assertThat(function.path("name").asString()).isEqualTo("get_weather");
		assertThat(function.path("description").asString()).isEqualTo("Current weather of a city");
		assertThat(function.path("parameters").path("properties").path("city").path("type").asString())
			.isEqualTo("string");
		assertThat(function.path("parameters").path("required").get(0).asString()).isEqualTo("city");
		assertThat(body.path("tool_choice").asString()).isEqualTo("required");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aToolRoundTripSendsTheAssistantsCallsAndTheResult() {
		this.server.enqueue(FakeResponse.text("Sunny"));
		ToolExecutionRequest call = ToolExecutionRequest.builder()
			.id("call_1")
			.name("get_weather")
			.arguments("{\"city\":\"Paris\"}")
			.build();

		this.model.chat(UserMessage.from("Weather?"), AiMessage.from(call),
				ToolExecutionResultMessage.from(call, "{\"sky\":\"clear\"}"));

		List<JsonNode> messages = this.server.takeRequest().messages();
		assertThat(messages.get(1).path("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).path("tool_calls").get(0).path("id").asString()).isEqualTo("call_1");
		assertThat(messages.get(1).path("tool_calls").get(0).path("function").path("arguments").asString())
			.isEqualTo("{\"city\":\"Paris\"}");
		assertThat(messages.get(2).path("role").asString()).isEqualTo("tool");
		assertThat(messages.get(2).path("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(RecordedRequest.textOf(messages.get(2))).isEqualTo("{\"sky\":\"clear\"}");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aJsonSchemaResponseFormatIsSentAsResponseFormat() {
		this.server.enqueue(FakeResponse.json("{\"city\":\"Paris\"}"));
		ResponseFormat format = ResponseFormat.builder()
			.type(ResponseFormatType.JSON)
			.jsonSchema(JsonSchema.builder()
				.name("City")
				.rootElement(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
				.build())
			.build();
		ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Where?")).responseFormat(format).build();

		ChatResponse response = this.model.chat(request);

		assertThat(response.aiMessage().text()).isEqualTo("{\"city\":\"Paris\"}");
		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.responseFormatType()).isEqualTo("json_schema");
		assertThat(recorded.json().path("response_format").path("json_schema").path("name").asString())
			.isEqualTo("City");
		assertThat(recorded.jsonSchema().path("properties").path("city").path("type").asString()).isEqualTo("string");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void jsonModeWithoutASchemaIsJsonObject() {
		this.server.enqueue(FakeResponse.json("{}"));
		ChatRequest request = ChatRequest.builder()
			.messages(UserMessage.from("JSON please"))
			.responseFormat(ResponseFormat.JSON)
			.build();

		this.model.chat(request);

		assertThat(this.server.takeRequest().responseFormatType()).isEqualTo("json_object");
	}

	@Test
	void whatChatStarterCannotSendFailsBeforeAnythingIsSent() {
		ChatRequest topK = ChatRequest.builder().messages(UserMessage.from("hi")).topK(5).build();
		UserMessage audio = UserMessage.from(AudioContent.from("AAAA", "audio/wav"));

		assertThatExceptionOfType(UnsupportedFeatureException.class).isThrownBy(() -> this.model.chat(topK))
			.withMessageContaining("top-k");
		assertThatExceptionOfType(UnsupportedFeatureException.class).isThrownBy(() -> this.model.chat(audio))
			.withMessageContaining("AUDIO");
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void providerFailuresAreTheTemplatesTypedExceptionsAfterItsRetriesOnly() {
		this.server.enqueue(FakeResponse.openAiError(500, "upstream broke"), FakeResponse.openAiError(500, "still"));

		assertThatExceptionOfType(ChatServerException.class).isThrownBy(() -> this.model.chat("hi"))
			.satisfies((ex) -> assertThat(ex.getProvider()).isEqualTo("fake"));
		// the template's two attempts, nothing more: LangChain4j adds no retry of its own
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

}
