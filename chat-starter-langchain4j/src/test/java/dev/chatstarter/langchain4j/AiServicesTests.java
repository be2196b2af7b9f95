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

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * LangChain4j's own {@link AiServices} (tools, chat memory, structured output,
 * {@link TokenStream}) running on chat-starter templates against the fake server.
 */
class AiServicesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Seed 003: the relay's own error shape, sent with HTTP 200. */
	private static final String SEED_003_BAD_KEY = "{\"codes\":900,\"mess\":\"密钥错误或已过期，请通过微信访问yewu.bcwhkj.cn个人中心获取\",\"data\":\"token\"}";

	private FakeChatServer server;

	private ChatTemplate template;

	private final WeatherTools weather = new WeatherTools();

	@BeforeEach
	void start() {
		this.server = new FakeChatServer().start();
		this.template = ChatTemplate.builder()
			.provider("fake")
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-test-secret")
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.server.close();
	}

	private Assistant assistant() {
		return AiServices.builder(Assistant.class)
			.chatModel(new ChatTemplateChatModel(this.template))
			.streamingChatModel(new ChatTemplateStreamingChatModel(this.template))
			.chatMemory(MessageWindowChatMemory.withMaxMessages(20))
			.tools(this.weather)
			.build();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aToolMethodRunsInLangChain4jAndTheChatMemoryCarriesTheConversation() {
		this.server.enqueue(FakeResponse.toolCall("call_1", "currentWeather", "{\"city\":\"Paris\"}"),
				FakeResponse.text("It is sunny in Paris."), FakeResponse.text("You asked about Paris."));
		Assistant assistant = assistant();

		String first = assistant.chat("Weather in Paris?");
		String second = assistant.chat("Which city did I ask about?");

		assertThat(first).isEqualTo("It is sunny in Paris.");
		assertThat(second).isEqualTo("You asked about Paris.");
		assertThat(this.weather.cities).containsExactly("Paris");
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0).toolNames()).containsExactly("currentWeather");
		assertThat(requests.get(1).endsWithToolResult()).isTrue();
		assertThat(requests.get(1).toolResults()).containsExactly("sunny, 21 °C in Paris");
		// the memory: user, assistant's call, tool result, answer, and the new question
		assertThat(requests.get(2).messages()).extracting((message) -> message.path("role").asString())
			.containsExactly("user", "assistant", "tool", "assistant", "user");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void structuredOutputIsAskedForWithAJsonSchemaAndParsedIntoARecord() {
		this.server.enqueue(FakeResponse.json("{\"city\":\"Paris\",\"celsius\":21}"));
		Assistant assistant = assistant();

		Forecast forecast = assistant.forecast("Paris, 21 degrees");

		assertThat(forecast).isEqualTo(new Forecast("Paris", 21));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.responseFormatType()).isEqualTo("json_schema");
		JsonNode properties = request.jsonSchema().path("properties");
		assertThat(properties.path("city").path("type").asString()).isEqualTo("string");
		assertThat(properties.path("celsius").path("type").asString()).isEqualTo("integer");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void withoutTheJsonSchemaCapabilityTheSchemaGoesInThePrompt() {
		this.server.enqueue(FakeResponse.json("{\"city\":\"Oslo\",\"celsius\":-3}"));
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(new ChatTemplateChatModel(this.template, List.of(), Set.of()))
			.build();

		Forecast forecast = assistant.forecast("Oslo, minus three");

		assertThat(forecast).isEqualTo(new Forecast("Oslo", -3));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.responseFormatType()).isNull();
		assertThat(request.lastUserMessage()).contains("celsius");
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aRelaysErrorInAnHttp200BodyIsTheTypedException() {
		this.server.enqueue(FakeResponse.error(200, SEED_003_BAD_KEY));
		Assistant assistant = assistant();

		assertThatExceptionOfType(ChatAuthenticationException.class).isThrownBy(() -> assistant.chat("hi"))
			.satisfies((ex) -> {
				assertThat(ex.getProviderMessage()).contains("密钥错误或已过期");
				assertThat(ex.getMessage()).doesNotContain("sk-test-secret");
			});
	}

	@Test
	void aTokenStreamDeliversFragmentsAndTheCompleteResponse() throws Exception {
		this.server.enqueue(FakeResponse.stream("Once ", "upon ", "a time."));
		Queue<String> fragments = new ConcurrentLinkedQueue<>();
		CompletableFuture<ChatResponse> complete = new CompletableFuture<>();

		assistant().stream("Tell a story")
			.onPartialResponse(fragments::add)
			.onCompleteResponse(complete::complete)
			.onError(complete::completeExceptionally)
			.start();

		ChatResponse response = complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(fragments).containsExactly("Once ", "upon ", "a time.");
		assertThat(response.aiMessage().text()).isEqualTo("Once upon a time.");
		assertThat(response.finishReason()).isNotNull();
		assertThat(this.server.takeRequest().isStream()).isTrue();
	}

	@Test
	void aTokenStreamRunsToolsOffTheEventLoopAndStreamsTheFinalAnswer() throws Exception {
		this.server.enqueue(FakeResponse.toolCall("call_1", "currentWeather", "{\"city\":\"Oslo\"}"),
				FakeResponse.stream("Snow ", "in Oslo."));
		Queue<String> fragments = new ConcurrentLinkedQueue<>();
		CompletableFuture<ChatResponse> complete = new CompletableFuture<>();

		assistant().stream("Weather in Oslo?")
			.onPartialResponse(fragments::add)
			.onCompleteResponse(complete::complete)
			.onError(complete::completeExceptionally)
			.start();

		ChatResponse response = complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.aiMessage().text()).isEqualTo("Snow in Oslo.");
		assertThat(fragments).containsExactly("Snow ", "in Oslo.");
		assertThat(this.weather.cities).containsExactly("Oslo");
		assertThat(this.weather.threads).singleElement().asString().doesNotContain("reactor-http");
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aTokenStreamHearsOfAnErrorEventAsTheTypedException() throws Exception {
		this.server.enqueue(FakeResponse.errorInStream(
				"{\"error\":{\"message\":\"TimeoutError\",\"type\":\"GatewayTimeout\",\"code\":504}}", "Hel"));
		CompletableFuture<Throwable> error = new CompletableFuture<>();

		assistant().stream("hi").onPartialResponse((text) -> {
		}).onCompleteResponse((response) -> error.complete(null)).onError(error::complete).start();

		assertThat(error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ChatException.class)
			.satisfies((ex) -> assertThat(((ChatException) ex).getProvider()).isEqualTo("fake"));
	}

	interface Assistant {

		String chat(String message);

		TokenStream stream(String message);

		Forecast forecast(String text);

	}

	/**
	 * Structured output.
	 *
	 * @param city the city
	 * @param celsius the temperature
	 */
	record Forecast(String city, int celsius) {
	}

	static final class WeatherTools {

		final Queue<String> cities = new ConcurrentLinkedQueue<>();

		final Queue<String> threads = new ConcurrentLinkedQueue<>();

		@Tool("The current weather of a city")
		String currentWeather(@P("the city") String city) {
			this.cities.add(city);
			this.threads.add(Thread.currentThread().getName());
			return city.equals("Oslo") ? "snow, -3 °C in Oslo" : "sunny, 21 °C in " + city;
		}

	}

}
