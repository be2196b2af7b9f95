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

package dev.chatstarter.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inspecting what a {@link FakeChatServer} received: {@link RecordedRequest},
 * {@code takeRequest}, {@code requests}, {@code requestCount} and {@code reset}.
 */
class RecordedRequestTests extends FakeChatServerSupport {

	static final ToolDefinition WEATHER = ToolDefinition.of("get_current_weather", "Weather of a city", Map.of("type",
			"object", "properties", Map.of("location", Map.of("type", "string")), "required", List.of("location")));

	@Test
	void requestPartsAndShortcuts() {
		template().prompt()
			.system("You are terse.")
			.user((user) -> user.text("What is in this image?").image(URI.create("https://example.com/cat.jpg")))
			.options((options) -> options.tools(WEATHER).responseFormat(ResponseFormat.jsonObject()))
			.call()
			.content();

		RecordedRequest request = server.takeRequest();
		assertThat(request.sequence()).isEqualTo(1);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.protocol()).isEqualTo("HTTP/1.1");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.endpoint()).isEqualTo(FakeEndpoint.CHAT_COMPLETIONS);
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.bearerToken()).isEqualTo(API_KEY);
		assertThat(request.model()).isEqualTo("gpt-4o");
		assertThat(request.isStream()).isFalse();
		assertThat(request.messages()).hasSize(2);
		assertThat(request.lastMessageRole()).isEqualTo("user");
		assertThat(request.lastUserMessage()).isEqualTo("What is in this image?");
		assertThat(request.imageUrls()).containsExactly("https://example.com/cat.jpg");
		assertThat(request.toolNames()).containsExactly("get_current_weather");
		assertThat(request.hasToolResult()).isFalse();
		assertThat(request.responseFormatType()).isEqualTo("json_object");
		assertThat(request.jsonSchema()).isNull();
		assertThat(request.json()
			.path("tools")
			.get(0)
			.path("function")
			.path("parameters")
			.path("required")
			.get(0)
			.stringValue()).isEqualTo("location");
		assertThat(request.body()).contains("\"role\":\"system\"");
	}

	@Test
	void toolResultsAndStreamFlags() {
		server.enqueue(FakeResponse.text("It is sunny."));
		template().prompt()
			.user("Weather in Paris?")
			.message(ChatMessage.assistant(null,
					List.of(new ToolCall("call_1", "get_current_weather", "{\"location\":\"Paris\"}"))))
			.message(ChatMessage.tool("call_1", "{\"temperature\":22}"))
			.options((options) -> options.tools(WEATHER))
			.stream()
			.response()
			.block();

		RecordedRequest request = server.takeRequest();
		assertThat(request.isStream()).isTrue();
		assertThat(request.includeUsage()).isTrue();
		assertThat(request.hasToolResult()).isTrue();
		assertThat(request.endsWithToolResult()).isTrue();
		assertThat(request.toolResults()).containsExactly("{\"temperature\":22}");
	}

	@Test
	void jsonSchemaInBothShapes() {
		template().prompt("solve")
			.options((options) -> options.responseFormat(ResponseFormat.jsonSchema("math",
					Map.of("type", "object", "properties", Map.of("final_answer", Map.of("type", "string"))))))
			.call()
			.content();
		RecordedRequest openAiShape = server.takeRequest();
		RecordedRequest seedShape = RecordedRequest.chatCompletion("""
				{"messages":[],"response_format":{"type":"json_schema","json_schema":{"type":"object",
				 "properties":{"final_answer":{"type":"string"}}}}}""");

		assertThat(openAiShape.responseFormatType()).isEqualTo("json_schema");
		assertThat(openAiShape.jsonSchema().path("properties").has("final_answer")).isTrue();
		assertThat(seedShape.jsonSchema().path("properties").has("final_answer")).isTrue();
	}

	@Test
	void requestsCountsTakingAndReset() {
		template().prompt("one").call().content();
		template().prompt("two").call().content();
		template().models();

		assertThat(server.requestCount()).isEqualTo(3);
		assertThat(server.requests()).extracting(RecordedRequest::sequence).containsExactly(1, 2, 3);
		assertThat(server.requests(FakeEndpoint.MODELS)).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("GET"));
		assertThat(server.takeRequest().lastUserMessage()).isEqualTo("one");
		assertThat(server.takeRequest().lastUserMessage()).isEqualTo("two");
		assertThat(server.takeRequest().path()).isEqualTo("/v1/models");
		assertThat(server.takeRequest(Duration.ofMillis(50))).isNull();
		assertThat(server.requests()).hasSize(3);

		server.enqueue(FakeResponse.text("queued")).responder((request) -> FakeResponse.text("custom"));
		server.reset();

		assertThat(server.requestCount()).isZero();
		assertThat(server.requests()).isEmpty();
		assertThat(template().prompt("three").call().content()).isEqualTo(DemoResponder.ECHO_PREFIX + "three");
		assertThat(server.takeRequest().sequence()).isEqualTo(1);
	}

	@Test
	void toStringHidesHeadersAndTheKey() {
		template().prompt("hello").call().content();

		RecordedRequest request = server.takeRequest();

		assertThat(request.toString()).startsWith("RecordedRequest[#1 POST /v1/chat/completions {")
			.contains("hello")
			.doesNotContain(API_KEY);
	}

	@Test
	void bodiesThatAreNotJson() {
		RecordedRequest request = new RecordedRequest(4, "POST", "/v1/chat/completions?x=1",
				new org.springframework.http.HttpHeaders(), "not json");

		assertThat(request.uri()).isEqualTo("/v1/chat/completions?x=1");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.json().isMissingNode()).isTrue();
		assertThat(request.model()).isNull();
		assertThat(request.messages()).isEmpty();
		assertThat(request.lastUserMessage()).isNull();
		assertThat(request.toolNames()).isEmpty();
		assertThat(request.bearerToken()).isNull();
	}

}
