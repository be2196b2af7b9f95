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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ChatTemplateStreamingChatModel} against the fake server, including hostile
 * handlers and many streams.
 */
class ChatTemplateStreamingChatModelTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private FakeChatServer server;

	private ChatTemplate template;

	private ChatTemplateStreamingChatModel model;

	@BeforeEach
	void start() {
		this.server = new FakeChatServer().start();
		this.template = ChatTemplate.builder()
			.provider("fake")
			.baseUrl(this.server.baseUrl())
			.retryPolicy(RetryPolicy.none())
			.build();
		this.model = new ChatTemplateStreamingChatModel(this.template);
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	@Test
	void toolCallsAreAssembledAndHandedOverWithTheCompleteResponse() throws Exception {
		this.server.enqueue(FakeResponse.toolCall("call_3", "get_weather", "{\"city\":\"Rome\",\"unit\":\"c\"}"));
		ChatRequest request = ChatRequest.builder()
			.messages(UserMessage.from("Weather in Rome?"))
			.toolSpecifications(ToolSpecification.builder()
				.name("get_weather")
				.parameters(JsonObjectSchema.builder().addStringProperty("city").addStringProperty("unit").build())
				.build())
			.build();
		RecordingHandler handler = new RecordingHandler();

		this.model.chat(request, handler);

		ChatResponse response = handler.complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(response.aiMessage().toolExecutionRequests()).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"city\":\"Rome\",\"unit\":\"c\"}"));
		assertThat(handler.toolCalls).singleElement()
			.satisfies((call) -> assertThat(call.toolExecutionRequest().id()).isEqualTo("call_3"));
		assertThat(handler.partialToolCalls).isNotEmpty().allSatisfy((partial) -> {
			assertThat(partial.index()).isZero();
			assertThat(partial.name()).isEqualTo("get_weather");
		});
		assertThat(handler.partialToolCalls.stream().map(PartialToolCall::partialArguments).reduce("", String::concat))
			.isEqualTo("{\"city\":\"Rome\",\"unit\":\"c\"}");
		assertThat(this.server.takeRequest().toolNames()).containsExactly("get_weather");
	}

	@Test
	void toolCallFragmentsWithoutIndexOrWithALateNameAreRelayedSafely() throws Exception {
		String body = sse("{\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"x\\\":\"}}]}",
				"{\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"late\"}}]}",
				"{\"tool_calls\":[{\"function\":{\"arguments\":\"1}\"}}]}",
				"{\"tool_calls\":[{\"id\":\"c2\",\"function\":{\"name\":\"second\",\"arguments\":\"{}\"}}]}")
				+ "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
		this.server.enqueue(FakeResponse.raw(200, "text/event-stream", body));
		RecordingHandler handler = new RecordingHandler();

		this.model.chat(ChatRequest.builder().messages(UserMessage.from("go")).build(), handler);

		ChatResponse response = handler.complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.aiMessage().toolExecutionRequests()).extracting((call) -> call.name())
			.containsExactly("late", "second");
		// the fragment before the name is not relayed as a partial, but is in the
		// complete call
		assertThat(handler.partialToolCalls)
			.extracting(PartialToolCall::index, PartialToolCall::name, PartialToolCall::partialArguments)
			.containsExactly(tuple(0, "late", "1}"), tuple(1, "second", "{}"));
		assertThat(response.aiMessage().toolExecutionRequests().get(0).arguments()).isEqualTo("{\"x\":1}");
	}

	private static String sse(String... deltas) {
		StringBuilder body = new StringBuilder();
		for (String delta : deltas) {
			body.append("data: {\"choices\":[{\"index\":0,\"delta\":").append(delta).append("}]}\n\n");
		}
		return body.toString();
	}

	@Test
	void reasoningFragmentsReachOnPartialThinkingAndTheCompleteResponsesThinking() throws Exception {
		this.server.enqueue(FakeResponse.stream("4", "2").reasoning("six times seven"));
		RecordingHandler handler = new RecordingHandler();

		this.model.chat(ChatRequest.builder().messages(UserMessage.from("6 x 7?")).build(), handler);

		ChatResponse response = handler.complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(String.join("", handler.thinking)).isEqualTo("six times seven");
		assertThat(response.aiMessage().thinking()).isEqualTo("six times seven");
		assertThat(response.aiMessage().text()).isEqualTo("42");
	}

	@Test
	void cancellingThroughTheStreamingHandleStopsTheStream() throws Exception {
		String[] fragments = new String[50];
		Arrays.fill(fragments, "word ");
		this.server.enqueue(FakeResponse.stream(fragments).chunkDelay(Duration.ofMillis(20)));
		Queue<String> received = new ConcurrentLinkedQueue<>();
		CompletableFuture<Object> ended = new CompletableFuture<>();
		StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
				received.add(partialResponse.text());
				context.streamingHandle().cancel();
				assertThat(context.streamingHandle().isCancelled()).isTrue();
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				ended.complete(completeResponse);
			}

			@Override
			public void onError(Throwable error) {
				ended.complete(error);
			}

		};

		this.model.chat(ChatRequest.builder().messages(UserMessage.from("Go on")).build(), handler);

		Awaitility.await().atMost(TIMEOUT).until(() -> !received.isEmpty());
		Thread.sleep(300);
		assertThat(received).containsExactly("word ");
		assertThat(ended).isNotDone();
	}

	@Test
	void aHandlerThatThrowsEndsTheStreamWithItsException() throws Exception {
		this.server.enqueue(FakeResponse.stream("a", "b", "c"));
		RecordingHandler handler = new RecordingHandler() {

			@Override
			public void onPartialResponse(String partialResponse) {
				super.onPartialResponse(partialResponse);
				throw new IllegalStateException("the application's handler broke");
			}

		};

		this.model.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), handler);

		Throwable error = handler.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("the application's handler broke");
		assertThat(handler.fragments).containsExactly("a");
		assertThat(handler.complete).isNotDone();
		assertThat(handler.errors).hasValue(1);
	}

	@Test
	void aCutStreamIsTheTemplatesIncompleteStreamException() throws Exception {
		this.server.enqueue(FakeResponse.cutStream("Half ", "an "));
		RecordingHandler handler = new RecordingHandler();

		this.model.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), handler);

		assertThat(handler.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.isInstanceOf(ChatIncompleteStreamException.class);
		assertThat(handler.complete).isNotDone();
	}

	@Test
	void aRequestChatStarterCannotSendFailsAtOnceWithoutARequest() throws Exception {
		RecordingHandler handler = new RecordingHandler();

		this.model.chat(
				ChatRequest.builder().messages(UserMessage.from(AudioContent.from("AAAA", "audio/wav"))).build(),
				handler);

		assertThat(handler.error).isDone();
		assertThat(handler.error.get()).isInstanceOf(UnsupportedFeatureException.class);
		assertThat(this.server.requestCount()).isZero();
	}

	@Test
	@Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
	void manySlowStreamsNeedNoThreadEach() throws Exception {
		int streams = 200;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		this.server.enqueue(FakeResponse.stream("warm", "up"));
		RecordingHandler warmUp = new RecordingHandler();
		this.model.chat(ChatRequest.builder().messages(UserMessage.from("warm up")).build(), warmUp);
		warmUp.complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		int baseline = threads.getThreadCount();
		List<RecordingHandler> handlers = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			this.server
				.enqueue(FakeResponse.stream("one ", "two ", "three ", "four").chunkDelay(Duration.ofMillis(200)));
		}

		for (int i = 0; i < streams; i++) {
			RecordingHandler handler = new RecordingHandler();
			handlers.add(handler);
			this.model.chat(ChatRequest.builder().messages(UserMessage.from("stream " + i)).build(), handler);
		}
		int peak = threads.getThreadCount();
		for (RecordingHandler handler : handlers) {
			assertThat(handler.complete.get().aiMessage().text()).isEqualTo("one two three four");
			peak = Math.max(peak, threads.getThreadCount());
		}
		// the callers returned at once; the streams share the event loop and a few
		// completion workers
		assertThat(peak - baseline).isLessThan(40);
	}

	static class RecordingHandler implements StreamingChatResponseHandler {

		final Queue<String> fragments = new ConcurrentLinkedQueue<>();

		final Queue<CompleteToolCall> toolCalls = new ConcurrentLinkedQueue<>();

		final Queue<PartialToolCall> partialToolCalls = new ConcurrentLinkedQueue<>();

		final Queue<String> thinking = new ConcurrentLinkedQueue<>();

		final CompletableFuture<ChatResponse> complete = new CompletableFuture<>();

		final CompletableFuture<Throwable> error = new CompletableFuture<>();

		final AtomicInteger errors = new AtomicInteger();

		@Override
		public void onPartialResponse(String partialResponse) {
			this.fragments.add(partialResponse);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking) {
			this.thinking.add(partialThinking.text());
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall) {
			this.partialToolCalls.add(partialToolCall);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.toolCalls.add(completeToolCall);
		}

		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			this.complete.complete(completeResponse);
		}

		@Override
		public void onError(Throwable error) {
			this.errors.incrementAndGet();
			this.error.complete(error);
		}

	}

}
