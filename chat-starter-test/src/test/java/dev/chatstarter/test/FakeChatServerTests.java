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

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ToolCallDelta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeChatServer} answering the core's {@link ChatTemplate}: blocking, streamed,
 * tool calls, JSON, models and images, plus the exact wire format seen by a plain HTTP
 * client.
 */
class FakeChatServerTests extends FakeChatServerSupport {

	@Test
	void blockingTextWithGivenUsage() {
		server.enqueue(FakeResponse.text("Hello there!", 9, 3));

		ChatResponse response = template().prompt("Hi").call().response();

		assertThat(response.content()).isEqualTo("Hello there!");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.model()).isEqualTo("gpt-4o");
		assertThat(response.usage()).isEqualTo(Usage.of(9, 3, 12));
	}

	@Test
	void usageIsEstimatedFromWordsAndModelCanBeOverridden() {
		server.enqueue(FakeResponse.text("one two three").model("gpt-4o-2024-08-06"));

		ChatResponse response = template().prompt().system("Be brief").user("say three words").call().response();

		assertThat(response.usage()).isEqualTo(Usage.of(5, 3, 8));
		assertThat(response.model()).isEqualTo("gpt-4o-2024-08-06");
	}

	@Test
	void queuedResponsesAreUsedInOrderThenTheResponderAnswers() {
		server.enqueue(FakeResponse.text("first"), FakeResponse.text("second"));
		server.responder((request) -> FakeResponse.text("responder: " + request.lastUserMessage()));
		ChatTemplate chat = template();

		assertThat(chat.prompt("a").call().content()).isEqualTo("first");
		assertThat(chat.prompt("b").call().content()).isEqualTo("second");
		assertThat(chat.prompt("c").call().content()).isEqualTo("responder: c");
	}

	@Test
	void textIsStreamedWordByWord() {
		server.enqueue(FakeResponse.text("The quick brown fox"));

		StepVerifier.create(template().prompt("Tell me").stream().content())
			.expectNext("The", " quick", " brown", " fox")
			.verifyComplete();
	}

	@Test
	void streamFragmentsAreSentAsGivenAndAggregatedWithUsage() {
		server.enqueue(FakeResponse.stream("你", "好", "!").usage(4, 3));

		ChatResponse response = template().prompt("你好").stream().response().block();

		assertThat(response.content()).isEqualTo("你好!");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(4, 3, 7));
		assertThat(server.takeRequest().includeUsage()).isTrue();
	}

	@Test
	void streamWireFormatFollowsOpenAi() {
		server.enqueue(FakeResponse.stream("Hi", " there").usage(9, 2));

		HttpResponse<String> response = post("/v1/chat/completions", """
				{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"stream":true,
				 "stream_options":{"include_usage":true}}""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> events = List.of(response.body().split("\n\n"));
		assertThat(events).hasSize(6).allSatisfy((event) -> assertThat(event).startsWith("data: "));
		assertThat(events.get(0)).contains("\"object\":\"chat.completion.chunk\"", "\"model\":\"gpt-4o-mini\"",
				"\"delta\":{\"role\":\"assistant\",\"content\":\"\"}", "\"finish_reason\":null", "\"usage\":null");
		assertThat(events.get(1)).contains("\"delta\":{\"content\":\"Hi\"}");
		assertThat(events.get(2)).contains("\"delta\":{\"content\":\" there\"}");
		assertThat(events.get(3)).contains("\"delta\":{}", "\"finish_reason\":\"stop\"");
		assertThat(events.get(4)).contains("\"choices\":[]",
				"\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}");
		assertThat(events.get(5)).isEqualTo("data: [DONE]");
	}

	@Test
	void withoutIncludeUsageTheStreamHasNoUsageChunk() {
		server.enqueue(FakeResponse.text("Hi"));

		String body = post("/v1/chat/completions", """
				{"messages":[{"role":"user","content":"hi"}],"stream":true}""").body();

		assertThat(body).doesNotContain("usage")
			.contains("\"model\":\"" + FakeResponse.DEFAULT_MODEL + "\"")
			.endsWith("data: [DONE]\n\n");
	}

	@Test
	void blockingToolCalls() {
		server.enqueue(FakeResponse.toolCalls(new ToolCall("call_a", "get_current_weather", "{\"location\":\"Paris\"}"),
				new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}")));

		ChatResponse response = template().prompt("Weather and time in Paris?").call().response();

		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).containsExactly(
				new ToolCall("call_a", "get_current_weather", "{\"location\":\"Paris\"}"),
				new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}"));
	}

	@Test
	void streamedToolCallsAreSplitAcrossChunksAndAssembledByTheCore() {
		String arguments = "{\"location\":\"Paris\",\"unit\":\"celsius\"}";
		server.enqueue(FakeResponse.toolCalls(new ToolCall("call_a", "get_current_weather", arguments),
				new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}")));

		List<ChatChunk> chunks = template().prompt("Weather and time in Paris?")
			.stream()
			.chunks()
			.collectList()
			.block();
		server.enqueue(FakeResponse.toolCalls(new ToolCall("call_a", "get_current_weather", arguments),
				new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}")));
		ChatResponse response = template().prompt("Weather and time in Paris?").stream().response().block();

		List<ToolCallDelta> firstCallFragments = chunks.stream()
			.flatMap((chunk) -> chunk.choices().stream())
			.flatMap((choice) -> choice.toolCalls().stream())
			.filter((delta) -> Integer.valueOf(0).equals(delta.index()))
			.toList();
		assertThat(firstCallFragments.get(0).id()).isEqualTo("call_a");
		assertThat(firstCallFragments.get(0).name()).isEqualTo("get_current_weather");
		assertThat(firstCallFragments.subList(1, firstCallFragments.size())).hasSizeGreaterThan(1)
			.allSatisfy((delta) -> assertThat(delta.id()).isNull())
			.allSatisfy((delta) -> assertThat(delta.arguments()).isNotEqualTo(arguments));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.toolCalls()).containsExactly(new ToolCall("call_a", "get_current_weather", arguments),
				new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}"));
	}

	@Test
	void http2ClientsAreServed() {
		server.enqueue(FakeResponse.text("over h2c"), FakeResponse.text("streamed over h2c"));
		ChatTemplate http2 = templateBuilder().httpVersion(HttpVersion.HTTP_2).build();

		assertThat(http2.prompt("hi").call().content()).isEqualTo("over h2c");
		assertThat(http2.prompt("hi").stream().response().block().content()).isEqualTo("streamed over h2c");
		assertThat(server.requests()).extracting(RecordedRequest::protocol).containsOnly("HTTP/2.0");
	}

	@Test
	void jsonContentFromAnObjectOrAString() {
		server.enqueue(FakeResponse.json(Map.of("answer", 42)), FakeResponse.json("{\"ok\":true}"));

		assertThat(template().prompt("json please").call().content()).isEqualTo("{\"answer\":42}");
		assertThat(template().prompt("json please").stream().response().block().content()).isEqualTo("{\"ok\":true}");
	}

	@Test
	void reasoningAndFinishReason() {
		server.enqueue(FakeResponse.text("9.8 is larger.").reasoning("Compare the decimals").finishReason("length"),
				FakeResponse.text("9.8 is larger.").reasoning("Compare the decimals"));

		ChatResponse blocking = template().prompt("9.11 or 9.8?").call().response();
		ChatResponse streamed = template().prompt("9.11 or 9.8?").stream().response().block();

		assertThat(blocking.reasoningContent()).isEqualTo("Compare the decimals");
		assertThat(blocking.finishReason()).isEqualTo("length");
		assertThat(streamed.reasoningContent()).isEqualTo("Compare the decimals");
		assertThat(streamed.content()).isEqualTo("9.8 is larger.");
	}

	@Test
	void modelsAndImagesCanBeConfigured() {
		server.models("gpt-4o", "deepseek-chat").imageUrls("https://cdn.example.invalid/otter.png");

		List<ModelInfo> models = template().models();
		ImageResult images = template().images().generate(dev.chatstarter.core.image.ImageRequest.of("an otter"));

		assertThat(models).extracting(ModelInfo::id).containsExactly("gpt-4o", "deepseek-chat");
		assertThat(images.images()).extracting(ImageResult.GeneratedImage::url)
			.containsExactly("https://cdn.example.invalid/otter.png");
	}

	@Test
	void otherEndpointsCanBeScripted() {
		server.enqueue(FakeEndpoint.MODELS, FakeResponse.openAiError(503, "maintenance"));

		assertThat(get("/v1/models").statusCode()).isEqualTo(503);
		assertThat(get("/v1/models").body()).contains(DemoResponder.MODELS.get(0));
	}

	@Test
	void pathsWorkWithoutTheV1Prefix() {
		server.enqueue(FakeResponse.text("no prefix"));

		HttpResponse<String> response = post("/chat/completions", """
				{"messages":[{"role":"user","content":"hi"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).contains("\"object\":\"chat.completion\"", "\"content\":\"no prefix\"");
		assertThat(get("/models").body()).contains(DemoResponder.MODELS.get(0));
	}

	@Test
	void unknownPathsAreAnswered404AndRecorded() {
		HttpResponse<String> response = get("/v1/embeddings");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"error\"", "GET /v1/embeddings");
		assertThat(server.takeRequest().endpoint()).isEqualTo(FakeEndpoint.OTHER);
	}

	@Test
	void rawAnswersAreSentAsGiven() {
		server.enqueue(FakeResponse.raw(201, "application/json; charset=utf-8", """
				{"choices":[{"message":{"content":"created"},"finish_reason":"stop"}]}""")
			.header("x-request-id", "req-1"));

		HttpResponse<String> response = post("/v1/chat/completions", "{}");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("x-request-id")).hasValue("req-1");
		assertThat(response.body()).contains("created");
	}

	@Test
	void rawEventStreamsAreSentEventByEvent() {
		server.enqueue(FakeResponse.raw(200, "text/event-stream", """
				: keep-alive

				data:{"choices":[{"index":0,"delta":{"content":"a"}}]}

				data:{"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}

				"""));

		StepVerifier.create(template().prompt("hi").stream().content()).expectNext("a", "b").verifyComplete();
	}

	@Test
	void concurrentRequestsAreAllAnsweredAndRecorded() throws Exception {
		server.responder((request) -> FakeResponse.text("echo " + request.lastUserMessage()));
		ChatTemplate chat = template();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String message = "m" + i;
				answers.add(executor.submit(() -> chat.prompt(message).call().content()));
			}
			for (int i = 0; i < 20; i++) {
				assertThat(answers.get(i).get()).isEqualTo("echo m" + i);
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(server.requestCount()).isEqualTo(20);
		assertThat(server.requests()).extracting(RecordedRequest::sequence)
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
	}

	@Test
	void lifecycle() throws Exception {
		int freePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			freePort = socket.getLocalPort();
		}
		FakeChatServer fixed = new FakeChatServer(freePort);
		assertThat(fixed.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(fixed::baseUrl).withMessageContaining("start()");
		try (FakeChatServer started = fixed.start()) {
			assertThat(started.isRunning()).isTrue();
			assertThat(started.port()).isEqualTo(freePort);
			assertThat(started.baseUrl()).isEqualTo("http://127.0.0.1:" + freePort + "/v1");
			assertThat(started).hasToString("FakeChatServer[http://127.0.0.1:" + freePort + "/v1]");
			assertThatIllegalStateException().isThrownBy(started::start).withMessageContaining("already running");
		}
		assertThat(fixed.isRunning()).isFalse();
		fixed.close();
	}

}
