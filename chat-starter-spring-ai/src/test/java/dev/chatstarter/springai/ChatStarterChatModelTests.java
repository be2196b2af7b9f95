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

package dev.chatstarter.springai;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ChatStarterChatModel} on a template: what a {@link Prompt} becomes on the wire
 * and what the answer becomes in Spring AI's types.
 */
class ChatStarterChatModelTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final FakeChatServer server = new FakeChatServer().start();

	private static final ChatTemplate template = ChatTemplate.builder()
		.provider("kuai")
		.baseUrl(server.baseUrl())
		.apiKey("k")
		.retryPolicy(RetryPolicy.none())
		.defaultOptions((options) -> options.model("default-model").temperature(0.3))
		.build();

	private final ChatStarterChatModel model = new ChatStarterChatModel(template);

	@AfterEach
	void reset() {
		server.reset();
	}

	@AfterAll
	static void close() {
		template.close();
		server.close();
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void mapsEveryMessageTypeAndImages() {
		server.enqueue(FakeResponse.text("ok"));
		Media image = Media.builder()
			.mimeType(MimeTypeUtils.IMAGE_PNG)
			.data(URI.create("https://example.com/a.png"))
			.build();
		Media bytes = Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data(new byte[] { 1, 2, 3 }).build();
		Prompt prompt = new Prompt(List.of(new SystemMessage("Be terse."),
				UserMessage.builder().text("What is this?").media(image, bytes).build(),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "look", "{}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "look", "a cat")))
					.build()));

		this.model.call(prompt);

		RecordedRequest request = server.takeRequest();
		assertThat(request.messages()).extracting((message) -> message.path("role").asString())
			.containsExactly("system", "user", "assistant", "tool");
		assertThat(request.imageUrls()).containsExactly("https://example.com/a.png", "data:image/jpeg;base64,AQID");
		JsonNode assistant = request.messages().get(2);
		assertThat(assistant.path("tool_calls").get(0).path("function").path("name").asString()).isEqualTo("look");
		assertThat(request.messages().get(3).path("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(request.model()).isEqualTo("default-model");
		assertThat(request.json().path("temperature").asDouble()).isEqualTo(0.3);
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void reasoningRoundTripsThroughTheAssistantMessageMetadata() {
		server.enqueue(FakeResponse.text("42").reasoning("6 times 7"), FakeResponse.text("ok"));
		try (ChatTemplate echoing = template.mutate()
			.dialect(ProviderDialect.openAi().mutate().echoReasoningContent(true).build())
			.build()) {
			ChatStarterChatModel thinking = new ChatStarterChatModel(echoing);
			AssistantMessage first = thinking.call(new Prompt("6*7?")).getResult().getOutput();
			assertThat(first.getMetadata()).containsEntry("reasoningContent", "6 times 7");

			thinking.call(new Prompt(List.of(new UserMessage("6*7?"), first, new UserMessage("sure?"))));

			server.takeRequest();
			JsonNode history = server.takeRequest().messages().get(1);
			assertThat(history.path("reasoning_content").asString()).isEqualTo("6 times 7");
		}
	}

	@Test
	void streamHandsTheWholeReasoningOverOnTheFinishingChunk() {
		server.enqueue(FakeResponse.stream("4", "2").reasoning("six times seven"));

		List<ChatResponse> responses = this.model.stream(new Prompt("6*7?")).collectList().block(BOUND);

		assertThat(responses).isNotNull();
		ChatResponse finishing = responses.stream()
			.filter((response) -> response.getResult() != null
					&& response.getResult().getMetadata().getFinishReason() != null)
			.findFirst()
			.orElseThrow();
		assertThat(finishing.getResult().getOutput().getMetadata()).containsEntry("reasoningContent",
				"six times seven");
	}

	@Test
	void refusesMediaOtherThanImages() {
		Media pdf = Media.builder()
			.mimeType(MimeTypeUtils.parseMimeType("application/pdf"))
			.data(new byte[] { 1 })
			.build();
		Prompt prompt = new Prompt(UserMessage.builder().text("Read").media(pdf).build());

		assertThatIllegalArgumentException().isThrownBy(() -> this.model.call(prompt))
			.withMessageContaining("application/pdf");
		assertThat(server.requestCount()).isZero();
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void sendsPortableAndOpenAiFlavouredOptions() {
		server.enqueue(FakeResponse.text("ok"));
		ChatStarterChatOptions options = ChatStarterChatOptions.builder()
			.model("gpt-4o")
			.temperature(0.9)
			.topP(0.5)
			.maxTokens(100)
			.stopSequences(List.of("END"))
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.n(2)
			.seed(7L)
			.user("u-1")
			.logprobs(true)
			.topLogprobs(3)
			.logitBias(Map.of("42", -100))
			.reasoningEffort("low")
			.maxCompletionTokens(200)
			.toolChoice("none")
			.extraBody(Map.of("enable_thinking", false))
			.build();

		this.model.call(new Prompt("hi", options));

		JsonNode body = server.takeRequest().json();
		assertThat(body.path("model").asString()).isEqualTo("gpt-4o");
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.9);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.5);
		assertThat(body.path("stop").asString()).isEqualTo("END");
		assertThat(body.path("n").asInt()).isEqualTo(2);
		assertThat(body.path("seed").asLong()).isEqualTo(7L);
		assertThat(body.path("user").asString()).isEqualTo("u-1");
		assertThat(body.path("logprobs").asBoolean()).isTrue();
		assertThat(body.path("top_logprobs").asInt()).isEqualTo(3);
		assertThat(body.path("logit_bias").path("42").asInt()).isEqualTo(-100);
		assertThat(body.path("reasoning_effort").asString()).isEqualTo("low");
		assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(200);
		assertThat(body.path("enable_thinking").asBoolean(true)).isFalse();
		assertThat(body.has("top_k")).isFalse();
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void readsOpenAiFlavouredOptionsOfAnotherOptionsClassByName() {
		server.enqueue(FakeResponse.text("ok"));

		this.model.call(new Prompt("hi", new FlavouredOptions()));

		JsonNode body = server.takeRequest().json();
		assertThat(body.path("seed").asLong()).isEqualTo(11L);
		assertThat(body.path("reasoning_effort").asString()).isEqualTo("high");
		assertThat(body.path("tool_choice").path("function").path("name").asString()).isEqualTo("look");
		assertThat(body.path("tools").get(0).path("function").path("description").asString()).isEqualTo("Look around");
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void sendsANativeOutputSchemaAsAJsonSchemaResponseFormat() {
		server.enqueue(FakeResponse.text("{\"a\":1}"));
		ChatStarterChatOptions options = ChatStarterChatOptions.builder()
			.outputSchema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}")
			.build();

		this.model.call(new Prompt("hi", options));

		RecordedRequest request = server.takeRequest();
		assertThat(request.responseFormatType()).isEqualTo("json_schema");
		assertThat(request.jsonSchema().path("properties").has("a")).isTrue();
	}

	@Test
	@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
	void answerCarriesToolCallsUsageFinishReasonAndMetadata() {
		server.enqueue(FakeResponse.toolCall("call_9", "look", "{\"x\":1}").usage(12, 3).model("served-model"));

		ChatResponse response = this.model.call(new Prompt("hi"));

		AssistantMessage output = response.getResult().getOutput();
		assertThat(output.getToolCalls())
			.containsExactly(new AssistantMessage.ToolCall("call_9", "function", "look", "{\"x\":1}"));
		assertThat(response.hasToolCalls()).isTrue();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(output.getMetadata()).containsEntry("provider", "kuai").containsEntry("finishReason", "TOOL_CALLS");
		assertThat(response.getMetadata().getModel()).isEqualTo("served-model");
		assertThat(response.getMetadata().getId()).isNotEmpty();
		assertThat((String) response.getMetadata().get("provider")).isEqualTo("kuai");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(12);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(3);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(15);
	}

	@Test
	void streamAssemblesToolCallFragmentsOnTheFinishingChunk() {
		server.enqueue(FakeResponse.toolCall("call_3", "look", "{\"city\":\"Lyon\",\"days\":3}"));

		StepVerifier.create(this.model.stream(new Prompt("hi")).filter(ChatResponse::hasToolCalls))
			.assertNext((response) -> {
				assertThat(response.getResult().getOutput().getToolCalls()).containsExactly(
						new AssistantMessage.ToolCall("call_3", "function", "look", "{\"city\":\"Lyon\",\"days\":3}"));
				assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
			})
			.expectComplete()
			.verify(BOUND);
	}

	@Test
	void streamEndsWithFinishReasonAndUsage() {
		server.enqueue(FakeResponse.stream("a", "b").usage(5, 2));
		ChatStarterChatOptions options = ChatStarterChatOptions.builder()
			.extraBody(Map.of("stream_options", Map.of("include_usage", true)))
			.build();

		List<ChatResponse> responses = this.model.stream(new Prompt("hi", options)).collectList().block(BOUND);

		assertThat(responses).isNotNull();
		assertThat(responses)
			.extracting(
					(response) -> (response.getResult() != null) ? response.getResult().getOutput().getText() : null)
			.contains("a", "b");
		assertThat(responses).anySatisfy(
				(response) -> assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP"));
		assertThat(responses.get(responses.size() - 1).getMetadata().getUsage().getTotalTokens()).isEqualTo(7);
	}

	@Test
	void concurrentStreamsHoldNoThreadEach() throws InterruptedException {
		int streams = 64;
		server.enqueue(FakeResponse.stream("warm", "up"));
		this.model.stream(new Prompt("warm up")).blockLast(BOUND);
		for (int i = 0; i < streams; i++) {
			server.enqueue(FakeResponse.stream("a", "b", "c", "d").chunkDelay(Duration.ofMillis(100)));
		}
		int baseline = Thread.activeCount();
		AtomicInteger peak = new AtomicInteger(baseline);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(Thread.activeCount(), Math::max);
				LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
			}
		});
		sampler.start();
		try {
			Flux<String> all = Flux.range(0, streams)
				.flatMap((i) -> this.model.stream(new Prompt("story " + i)), streams)
				.mapNotNull((response) -> (response.getResult() != null) ? response.getResult().getOutput().getText()
						: null)
				.filter((text) -> !text.isEmpty());
			StepVerifier.create(all.count()).expectNext(4L * streams).expectComplete().verify(Duration.ofSeconds(30));
		}
		finally {
			sampler.interrupt();
			sampler.join();
		}
		// a thread per stream would add 64; the sampler itself and a few lazily started
		// event loops are allowed
		assertThat(peak.get() - baseline).isLessThan(16);
	}

	@Test
	void optionsCombineAndMutateAsSpringAiOptionsDo() {
		ChatStarterChatOptions defaults = ChatStarterChatOptions.builder()
			.model("m")
			.seed(1L)
			.extraBody(Map.of("a", 1))
			.build();
		ChatStarterChatOptions combined = defaults.mutate()
			.combineWith(ChatStarterChatOptions.builder().seed(2L).user("u").extraBody(Map.of("b", 2)))
			.build();

		assertThat(combined.getModel()).isEqualTo("m");
		assertThat(combined.getSeed()).isEqualTo(2L);
		assertThat(combined.getUser()).isEqualTo("u");
		assertThat(combined.getExtraBody()).containsOnly(Map.entry("a", 1), Map.entry("b", 2));
		assertThat(combined.mutate().build()).isEqualTo(combined).hasSameHashCodeAs(combined);
		assertThat(defaults.getSeed()).isEqualTo(1L);
	}

	@Test
	void optionsTakeWhatABuilderOfAnotherOptionsClassSets() {
		ChatStarterChatOptions combined = ChatStarterChatOptions.builder()
			.model("m")
			.seed(1L)
			.combineWith(new FlavouredBuilder())
			.build();

		assertThat(combined.getModel()).isEqualTo("m");
		assertThat(combined.getTemperature()).isEqualTo(0.7);
		assertThat(combined.getSeed()).isEqualTo(11L);
		assertThat(combined.getReasoningEffort()).isEqualTo("high");
		assertThat(combined.getToolCallbacks()).extracting((tool) -> tool.getToolDefinition().name())
			.containsExactly("look");
	}

	/**
	 * A builder of another options class, as {@code OpenAiChatOptions.builder()} is for
	 * {@code ChatClient}.
	 */
	static final class FlavouredBuilder
			implements org.springframework.ai.chat.prompt.ChatOptions.Builder<FlavouredBuilder> {

		@Override
		public FlavouredBuilder clone() {
			return new FlavouredBuilder();
		}

		@Override
		public FlavouredBuilder model(String model) {
			return this;
		}

		@Override
		public FlavouredBuilder frequencyPenalty(Double frequencyPenalty) {
			return this;
		}

		@Override
		public FlavouredBuilder maxTokens(Integer maxTokens) {
			return this;
		}

		@Override
		public FlavouredBuilder presencePenalty(Double presencePenalty) {
			return this;
		}

		@Override
		public FlavouredBuilder stopSequences(List<String> stopSequences) {
			return this;
		}

		@Override
		public FlavouredBuilder temperature(Double temperature) {
			return this;
		}

		@Override
		public FlavouredBuilder topK(Integer topK) {
			return this;
		}

		@Override
		public FlavouredBuilder topP(Double topP) {
			return this;
		}

		@Override
		public org.springframework.ai.chat.prompt.ChatOptions build() {
			return new FlavouredOptions(0.7);
		}

		@Override
		public FlavouredBuilder combineWith(org.springframework.ai.chat.prompt.ChatOptions.Builder<?> other) {
			return this;
		}

	}

	/**
	 * A Spring AI tool.
	 */
	static final class Look {

		@Tool(name = "look", description = "Look around")
		String look() {
			return "a cat";
		}

	}

	/**
	 * Another provider's options class with OpenAI-flavoured getters, as Spring AI's
	 * {@code OpenAiChatOptions} has.
	 */
	public static final class FlavouredOptions extends DefaultToolCallingChatOptions {

		FlavouredOptions() {
			this(null);
		}

		FlavouredOptions(Double temperature) {
			super(List.of(MethodToolCallbackProvider.builder().toolObjects(new Look()).build().getToolCallbacks()),
					null, null, null, null, null, null, temperature, null, null);
		}

		public Integer getSeed() {
			return 11;
		}

		public String getReasoningEffort() {
			return "HIGH";
		}

		public Object getToolChoice() {
			return "{\"type\":\"function\",\"function\":{\"name\":\"look\"}}";
		}

	}

}
