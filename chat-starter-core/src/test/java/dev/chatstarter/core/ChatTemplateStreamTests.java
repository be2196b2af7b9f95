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

package dev.chatstarter.core;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ChatTimeoutException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Streaming against WireMock: the OpenAI wire format and the ways real providers deviate
 * from it.
 */
class ChatTemplateStreamTests extends WireMockSupport {

	static final String OPENAI_STREAM = """
			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" there"},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1717747931,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

			data: [DONE]

			""";

	private void stubStream(String body) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(sse(body)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	@Test
	void openAiStreamContentAndAggregatedResponse() {
		stubStream(OPENAI_STREAM);

		StepVerifier.create(template().prompt("你好").stream().content()).expectNext("Hi", " there").verifyComplete();
		ChatResponse response = template().prompt("你好").stream().response().block();

		assertThat(response.content()).isEqualTo("Hi there");
		assertThat(response.model()).isEqualTo("gpt-4o-mini");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(9, 2, 11));
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"model":"gpt-4o","messages":[{"role":"user","content":"你好"}],"stream":true,
				 "stream_options":{"include_usage":true}}""", false, false)));
	}

	@Test
	void noSpaceAfterDataCrlfCommentsKeepAlivesAndNoDone() {
		String body = ": OPENROUTER PROCESSING\r\n\r\n"
				+ "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"}}]}\r\n\r\n" + ": keep-alive\r\n\r\n"
				+ "data: keep-alive\r\n\r\n"
				+ "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"好\"},\"finish_reason\":\"stop\"}]}\r\n\r\n";
		stubStream(body);

		StepVerifier.create(template().prompt("hi").stream().content()).expectNext("你", "好").verifyComplete();
	}

	@Test
	void streamCutWithoutFinishReasonIsReportedAsIncomplete() {
		stubStream("""
				data: {"choices":[{"index":0,"delta":{"content":"Once upon"}}]}

				data: [DONE]

				""");

		StepVerifier.create(template().prompt("Tell a story").stream().content())
			.expectNext("Once upon")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatIncompleteStreamException.class)
				.hasMessageContaining("aigc")
				.hasMessageContaining("finish_reason"))
			.verify();
	}

	@Test
	void errorInsideTheStreamAfterHttp200() {
		stubStream("""
				data: {"choices":[{"index":0,"delta":{"content":"partial"}}]}

				data: {"error": {"message": "TimeoutError", "type": "GatewayTimeout", "code": 504}}

				data: [DONE]

				""");

		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("partial")
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ChatServerException.class).hasMessageContaining("TimeoutError"))
			.verify();
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void nonStandardErrorFinishReasonFails() {
		stubStream("""
				data: {"choices":[{"index":0,"delta":{"content":"x"}}]}

				data: {"choices":[{"index":0,"delta":{},"finish_reason":"network_error"}]}

				""");
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("x")
			.expectError(ChatServerException.class)
			.verify();
	}

	@Test
	void toolCallsAreAssembledFromFragments() {
		stubStream(
				"""
						data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

						data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]},"finish_reason":null}]}

						data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}]}

						data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

						data: [DONE]

						""");

		ChatResponse response = template().prompt("weather?").stream().response().block();

		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_abc", "get_weather", "{\"city\":\"Paris\"}"));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
	}

	@Test
	void reasoningContentIsStreamedBesideContent() {
		stubStream(
				"""
						data: {"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"Let me"},"finish_reason":null}]}

						data: {"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":"9.8 is larger.","reasoning_content":null},"finish_reason":"stop"}]}

						""");
		ChatResponse response = template().prompt("9.11 or 9.8?").stream().response().block();
		assertThat(response.reasoningContent()).isEqualTo("Let me");
		assertThat(response.content()).isEqualTo("9.8 is larger.");
	}

	@Test
	void providerThatIgnoresStreamTrueAndAnswersWithJson() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ChatTemplateCallTests.SEED_000_RESPONSE)));
		StepVerifier.create(template().prompt("hi").stream().content()).expectNext("响应内容").verifyComplete();
	}

	@Test
	void streamIsRetriedBeforeItsFirstChunk() {
		wireMock.stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs(STARTED)
			.willReturn(
					serverError().withBody("{\"error\":{\"message\":\"upstream busy\",\"type\":\"upstream_error\"}}"))
			.willSetStateTo("ok"));
		wireMock.stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs("ok")
			.willReturn(sse(OPENAI_STREAM)));

		StepVerifier.create(template().prompt("hi").stream().content()).expectNext("Hi", " there").verifyComplete();
		wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void streamIdleTimeoutCutsAStalledStreamButNotAHealthyOne() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(sse(OPENAI_STREAM).withChunkedDribbleDelay(3, 4500)));
		ChatTemplate template = templateBuilder().streamIdleTimeout(Duration.ofMillis(250))
			.retryPolicy(dev.chatstarter.core.http.RetryPolicy.none())
			.build();

		assertThatExceptionOfType(ChatTimeoutException.class)
			.isThrownBy(() -> template.prompt("hi").stream().content().collectList().block())
			.withMessageContaining("stream-idle-timeout");

		List<String> healthy = templateBuilder().streamIdleTimeout(Duration.ofSeconds(5))
			.responseTimeout(Duration.ofSeconds(2))
			.build()
			.prompt("hi")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(healthy).containsExactly("Hi", " there");
	}

}
