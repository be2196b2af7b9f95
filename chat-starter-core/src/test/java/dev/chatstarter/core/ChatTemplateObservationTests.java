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

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.internal.observation.ChatObservations;
import dev.chatstarter.core.observation.ChatObservationContext;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.DefaultChatObservationConvention;
import dev.chatstarter.core.observation.RecordingObservationHandler;
import dev.chatstarter.core.observation.ToolObservationContext;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Observations of a template's calls against WireMock: what the handlers see for
 * blocking, streaming, failing, cancelled and tool calls.
 */
class ChatTemplateObservationTests extends WireMockSupport {

	private static final String ANSWER = """
			{"id":"chatcmpl-9","model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant",
			 "content":"你好！"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}""";

	private final RecordingObservationHandler handler = new RecordingObservationHandler();

	private final ObservationRegistry registry = ObservationRegistry.create();

	@BeforeEach
	void registerHandler() {
		this.registry.observationConfig().observationHandler(this.handler);
	}

	private ChatTemplate observed() {
		return templateBuilder().observationRegistry(this.registry).build();
	}

	private static Map<String, String> tags(Observation.Context context) {
		return asMap(context.getLowCardinalityKeyValues());
	}

	private static Map<String, String> asMap(KeyValues values) {
		return values.stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
	}

	@Test
	void blockingCall() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));

		assertThat(observed().prompt("你好").call().content()).isEqualTo("你好！");

		assertThat(this.handler.stoppedChats()).singleElement().satisfies((context) -> {
			assertThat(context.getName()).isEqualTo(DefaultChatObservationConvention.NAME);
			assertThat(context.getContextualName()).isEqualTo("chat gpt-4o");
			assertThat(tags(context)).containsExactlyInAnyOrderEntriesOf(Map.of("gen_ai.operation.name", "chat",
					"gen_ai.provider.name", "aigc", "gen_ai.request.model", "gpt-4o", "server.address", "127.0.0.1",
					"server.port", String.valueOf(wireMock.port()), "error.type", "none"));
			assertThat(asMap(context.getHighCardinalityKeyValues())).containsEntry("gen_ai.response.id", "chatcmpl-9")
				.containsEntry("gen_ai.response.model", "gpt-4o-2024-08-06")
				.containsEntry("gen_ai.usage.input_tokens", "12")
				.containsEntry("gen_ai.usage.output_tokens", "3");
			assertThat(context.getUsage()).isEqualTo(Usage.of(12, 3, 15));
			assertThat(context.isStreaming()).isFalse();
			assertThat(context.getResponseText()).isEqualTo("你好！");
			assertThat(context.getTimeToFirstChunk()).isNull();
		});
	}

	@Test
	void streamRecordsChunksTimeToFirstChunkAndTheUsageOfTheLastChunk() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ChatTemplateStreamTests.OPENAI_STREAM)));
		AtomicInteger intervals = new AtomicInteger();
		this.handler.onStart((context) -> {
			context.setChunkIntervalListener((nanos) -> {
				assertThat(nanos).isNotNegative();
				intervals.incrementAndGet();
			});
			context.captureStreamedText();
		});

		StepVerifier.create(observed().prompt("你好").stream().content()).expectNext("Hi", " there").verifyComplete();

		assertThat(this.handler.stoppedChats()).singleElement().satisfies((context) -> {
			assertThat(context.isStreaming()).isTrue();
			assertThat(context.getChunkCount()).as("chunks with a choice").isEqualTo(4);
			assertThat(intervals).hasValue(3);
			assertThat(context.getTimeToFirstChunk()).isNotNull().isGreaterThanOrEqualTo(java.time.Duration.ZERO);
			assertThat(context.getUsage()).isEqualTo(Usage.of(9, 2, 11));
			assertThat(context.getResponseModel()).isEqualTo("gpt-4o-mini");
			assertThat(context.getFinishReason()).isEqualTo("stop");
			assertThat(context.getResponseText()).isEqualTo("Hi there");
			assertThat(tags(context)).containsEntry("error.type", "none").doesNotContainKey("gen_ai.response.model");
			assertThat(asMap(context.getHighCardinalityKeyValues())).containsKey("gen_ai.response.time_to_first_chunk")
				.containsEntry("gen_ai.response.model", "gpt-4o-mini");
		});
	}

	@Test
	void failedCallCarriesTheErrorType() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));

		assertThatExceptionOfType(ChatAuthenticationException.class)
			.isThrownBy(() -> observed().prompt("hi").call().content());

		assertThat(this.handler.stoppedChats()).singleElement().satisfies((context) -> {
			assertThat(tags(context)).containsEntry("error.type", "ChatAuthenticationException");
			assertThat(asMap(context.getHighCardinalityKeyValues())).containsEntry("gen_ai.response.model", "none");
		});
	}

	@Test
	void cancelledStreamIsStoppedOnce() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ChatTemplateStreamTests.OPENAI_STREAM)));

		StepVerifier.create(observed().prompt("hi").stream().content().take(1)).expectNext("Hi").verifyComplete();

		assertThat(this.handler.stoppedChats()).singleElement()
			.satisfies((context) -> assertThat(tags(context)).containsEntry("error.type", "none"));
	}

	@Test
	void modelsAndImages() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}")));
		wireMock.stubFor(post("/v1/images/generations")
			.willReturn(okJson("{\"created\":1,\"data\":[{\"url\":\"https://example.com/a.png\"}]}")));
		ChatTemplate template = observed();

		template.models();
		template.images().generate(ImageRequest.builder("an otter").model("dall-e-3").build());

		assertThat(this.handler.stoppedContextualNames()).containsExactly("models", "image_generation dall-e-3");
		assertThat(this.handler.stoppedChats()).extracting((context) -> tags(context).get("gen_ai.operation.name"))
			.containsExactly("models", "image_generation");
	}

	@Test
	void toolExecutionsAreObservedAndEveryRoundIsAModelCall() {
		ChatTemplateToolTests.WeatherTools tools = new ChatTemplateToolTests.WeatherTools();
		String toolCall = "{\"id\":\"r1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
				+ "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\","
				+ "\"arguments\":\"{\\\"location\\\":\\\"北京\\\"}\"}},{\"id\":\"call_2\",\"type\":\"function\","
				+ "\"function\":{\"name\":\"invented_tool\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}";
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(okJson(toolCall)));
		wireMock.stubFor(
				post("/v1/chat/completions").withRequestBody(containing("tool_call_id")).willReturn(okJson(ANSWER)));
		ChatTemplate template = templateBuilder().toolRegistry(ToolRegistry.of(ToolCallbacks.fromBean(tools)))
			.observationRegistry(this.registry)
			.build();

		template.prompt("北京天气").tools("get_current_weather").call().content();

		assertThat(this.handler.stoppedChats()).hasSize(2);
		assertThat(this.handler.stoppedTools()).as("the invented tool is never executed")
			.singleElement()
			.satisfies((context) -> {
				assertThat(context.getName()).isEqualTo("gen_ai.execute_tool.duration");
				assertThat(context.getContextualName()).isEqualTo("execute_tool get_current_weather");
				assertThat(tags(context)).containsExactlyInAnyOrderEntriesOf(
						Map.of("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "get_current_weather",
								"gen_ai.provider.name", "aigc", "error.type", "none"));
			});
	}

	@Test
	void parentObservationFromTheReactorContextAndMutatedTemplatesStayObserved() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		Observation parent = Observation.start("user.request", this.registry);

		observed().mutate()
			.build()
			.prompt("hi")
			.call()
			.responseMono()
			.contextWrite((context) -> context.put("micrometer.observation", parent))
			.block();
		parent.stop();

		assertThat(this.handler.stoppedChats()).singleElement()
			.satisfies((context) -> assertThat(context.getParentObservation()).isSameAs(parent));
	}

	@Test
	void customConvention() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		ChatTemplate template = templateBuilder().observationRegistry(this.registry)
			.observationConvention(new DefaultChatObservationConvention() {

				@Override
				public String getName() {
					return "llm.calls";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("stream",
							String.valueOf(context.isStreaming()));
				}

			})
			.build();

		template.prompt("hi").call().content();

		assertThat(this.handler.stoppedChats()).singleElement().satisfies((context) -> {
			assertThat(context.getName()).isEqualTo("llm.calls");
			assertThat(tags(context)).containsEntry("stream", "false").containsEntry("gen_ai.provider.name", "aigc");
		});
	}

	@Test
	void noopRegistryLeavesThePipelinesAlone() {
		ChatObservations observations = new ChatObservations("aigc", baseUrl(), ChatObservationSettings.none());
		Mono<dev.chatstarter.core.chat.ChatResponse> call = Mono.empty();
		ChatRequest request = new ChatRequest(java.util.List.of(ChatMessage.user("hi")), ChatOptions.empty());

		assertThat(observations.isEnabled()).isFalse();
		assertThat(observations.observeCall(request, call)).isSameAs(call);
		assertThat(observations.observeToolExecutions(dev.chatstarter.core.tool.ToolExecutionListener.NONE))
			.isSameAs(dev.chatstarter.core.tool.ToolExecutionListener.NONE);
	}

	@Test
	void toolContextIsAChatObservationOnlyForChats() {
		assertThat(new ToolObservationContext("t", "p")).isNotInstanceOf(ChatObservationContext.class);
	}

}
