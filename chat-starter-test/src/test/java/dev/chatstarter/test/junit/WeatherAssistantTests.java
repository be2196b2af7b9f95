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

package dev.chatstarter.test.junit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The complete example of {@code docs/testing.md}, kept compiling and passing.
 */
@FakeChatServerTest
class WeatherAssistantTests {

	static final ToolDefinition WEATHER = ToolDefinition.of("get_current_weather", "Current weather", Map.of("type",
			"object", "properties", Map.of("location", Map.of("type", "string")), "required", List.of("location")));

	private final ChatTemplate chat;

	WeatherAssistantTests(FakeChatServer server) {
		this.chat = ChatTemplate.builder()
			.baseUrl(server.baseUrl())
			.apiKey("sk-test")
			.defaultOptions((options) -> options.model("gpt-4o").tools(WEATHER))
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	@Test
	void blocking(FakeChatServer server) {
		server.enqueue(FakeResponse.text("Hello!", 9, 2));

		ChatResponse response = this.chat.prompt("Hi").call().response();

		assertThat(response.content()).isEqualTo("Hello!");
		assertThat(response.usage().totalTokens()).isEqualTo(11);
		RecordedRequest request = server.takeRequest();
		assertThat(request.lastUserMessage()).isEqualTo("Hi");
		assertThat(request.bearerToken()).isEqualTo("sk-test");
		assertThat(request.toolNames()).containsExactly("get_current_weather");
	}

	@Test
	void stream(FakeChatServer server) {
		server.enqueue(FakeResponse.text("Once upon a time"));

		StepVerifier.create(this.chat.prompt("Tell a story").stream().content())
			.expectNext("Once", " upon", " a", " time")
			.verifyComplete();
		assertThat(server.takeRequest().isStream()).isTrue();
	}

	@Test
	void toolRoundTrip(FakeChatServer server) {
		server.enqueue(FakeResponse.toolCall("call_1", "get_current_weather", "{\"location\":\"Paris\"}"),
				FakeResponse.text("It is 22 °C in Paris."));

		ChatResponse first = this.chat.prompt("Weather in Paris?").stream().response().block();
		ToolCall call = first.toolCalls().get(0);
		String answer = this.chat.prompt()
			.user("Weather in Paris?")
			.message(first.message())
			.message(ChatMessage.tool(call.id(), "{\"temperature\":22}"))
			.call()
			.content();

		assertThat(call.arguments()).isEqualTo("{\"location\":\"Paris\"}");
		assertThat(answer).isEqualTo("It is 22 °C in Paris.");
		server.takeRequest();
		assertThat(server.takeRequest().toolResults()).containsExactly("{\"temperature\":22}");
	}

	@Test
	void errors(FakeChatServer server) {
		server.enqueue(FakeResponse.error(200, "{\"codes\":900,\"mess\":\"密钥错误或已过期\"}"),
				FakeResponse.cutStream("Once", " upon"));

		assertThatExceptionOfType(ChatAuthenticationException.class)
			.isThrownBy(() -> this.chat.prompt("Hi").call().content());
		StepVerifier.create(this.chat.prompt("Tell a story").stream().content())
			.expectNext("Once", " upon")
			.expectError(ChatIncompleteStreamException.class)
			.verify();
	}

}
