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

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.error.ChatQuotaException;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring AI's own {@link ChatClient} (advisors, chat memory, tool calling, structured
 * output, streams) on the auto-configured chat-starter providers, against fake servers on
 * loopback.
 */
class SpringAiChatClientTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final TwoFakeProviders providers = new TwoFakeProviders();

	@AfterEach
	void reset() {
		providers.reset();
	}

	@AfterAll
	static void close() {
		providers.close();
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void chatMemoryAdvisorCarriesOneConversationAcrossTwoProviders() {
		providers.alpha().enqueue(FakeResponse.text("Nice to meet you, Ada."));
		providers.beta().enqueue(FakeResponse.text("Your name is Ada."));
		providers.runner().run((context) -> {
			ChatMemory memory = MessageWindowChatMemory.builder()
				.chatMemoryRepository(new InMemoryChatMemoryRepository())
				.build();
			ChatClient alpha = builder(context, "alpha")
				.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
				.build();
			ChatClient beta = builder(context, "beta").defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
				.build();

			assertThat(alpha.prompt("My name is Ada.")
				.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "c1"))
				.call()
				.content()).isEqualTo("Nice to meet you, Ada.");
			assertThat(beta.prompt("What is my name?")
				.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "c1"))
				.call()
				.content()).isEqualTo("Your name is Ada.");

			RecordedRequest second = providers.beta().takeRequest();
			assertThat(second.messages())
				.extracting((message) -> message.path("role").asString() + ": " + RecordedRequest.textOf(message))
				.containsExactly("user: My name is Ada.", "assistant: Nice to meet you, Ada.",
						"user: What is my name?");
			assertThat(second.model()).isEqualTo("beta-model");
			assertThat(second.bearerToken()).isEqualTo("beta-key");
			assertThat(memory.get("c1")).hasSize(4);
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void toolMethodRunsThroughSpringAiToolCalling() {
		providers.alpha()
			.enqueue(FakeResponse.toolCall("get_weather", "{\"city\":\"Paris\"}"),
					FakeResponse.text("It is sunny in Paris."));
		providers.runner().run((context) -> {
			Weather weather = new Weather();
			String answer = builder(context, "alpha").build()
				.prompt("Weather in Paris?")
				.tools(weather)
				.call()
				.content();

			assertThat(answer).isEqualTo("It is sunny in Paris.");
			assertThat(weather.cities).containsExactly("Paris");
			RecordedRequest first = providers.alpha().takeRequest();
			assertThat(first.toolNames()).containsExactly("get_weather");
			JsonNode parameters = first.json().path("tools").get(0).path("function").path("parameters");
			assertThat(parameters.path("properties").has("city")).isTrue();
			RecordedRequest second = providers.alpha().takeRequest();
			assertThat(second.endsWithToolResult()).isTrue();
			assertThat(second.toolResults()).containsExactly("\"sunny, 21°C in Paris\"");
		});
	}

	@Test
	void toolMethodRunsInAStream() {
		providers.alpha()
			.enqueue(FakeResponse.toolCall("get_weather", "{\"city\":\"Lyon\"}"),
					FakeResponse.stream("Sunny ", "in ", "Lyon."));
		providers.runner().run((context) -> {
			Weather weather = new Weather();
			Flux<String> content = builder(context, "alpha").build()
				.prompt("Weather in Lyon?")
				.tools(weather)
				.stream()
				.content();

			StepVerifier.create(content.collect(Collectors.joining()))
				.expectNext("Sunny in Lyon.")
				.expectComplete()
				.verify(BOUND);
			assertThat(weather.cities).containsExactly("Lyon");
			assertThat(providers.alpha().requests()).allMatch(RecordedRequest::isStream);
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void entityParsesStructuredOutputIntoARecord() {
		providers.alpha().enqueue(FakeResponse.text("{\"city\":\"Paris\",\"celsius\":21}"));
		providers.runner().run((context) -> {
			CityWeather weather = builder(context, "alpha").build()
				.prompt("Weather in Paris as JSON")
				.call()
				.entity(CityWeather.class);

			assertThat(weather).isEqualTo(new CityWeather("Paris", 21));
			assertThat(providers.alpha().takeRequest().lastUserMessage()).contains("JSON Schema");
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void nativeStructuredOutputSendsTheSchemaAsResponseFormat() {
		providers.alpha().enqueue(FakeResponse.text("{\"city\":\"Oslo\",\"celsius\":-3}"));
		providers.runner().run((context) -> {
			CityWeather weather = builder(context, "alpha").build()
				.prompt("Weather in Oslo")
				.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
				.call()
				.entity(CityWeather.class);

			assertThat(weather).isEqualTo(new CityWeather("Oslo", -3));
			RecordedRequest request = providers.alpha().takeRequest();
			assertThat(request.responseFormatType()).isEqualTo("json_schema");
			assertThat(request.jsonSchema().path("properties").has("celsius")).isTrue();
		});
	}

	@Test
	void streamDeliversFragmentsAsTheyArrive() {
		providers.beta().enqueue(FakeResponse.stream("Once ", "upon ", "a time."));
		providers.runner().run((context) -> {
			Flux<String> content = builder(context, "beta").build().prompt("Tell a story").stream().content();

			StepVerifier.create(content).expectNext("Once ", "upon ", "a time.").expectComplete().verify(BOUND);
			assertThat(providers.beta().takeRequest().isStream()).isTrue();
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void relayErrorInAn200BodySurfacesAsTheTypedException() {
		providers.alpha().enqueue(FakeResponse.raw(200, "application/json", QUOTA_BODY));
		providers.runner().run((context) -> {
			ChatClient chat = builder(context, "alpha").build();

			assertThatExceptionOfType(ChatQuotaException.class).isThrownBy(() -> chat.prompt("hi").call().content())
				.satisfies((ex) -> assertThat(ex.getProvider()).isEqualTo("alpha"))
				.withMessageContaining("当前额度不足");
			assertThat(providers.alpha().requestCount()).isEqualTo(1);
		});
	}

	@Test
	void relayErrorInAn200BodyEndsAStreamWithTheTypedException() {
		providers.alpha().enqueue(FakeResponse.raw(200, "application/json", QUOTA_BODY));
		providers.runner().run((context) -> {
			Flux<String> content = builder(context, "alpha").build().prompt("hi").stream().content();

			StepVerifier.create(content).expectError(ChatQuotaException.class).verify(BOUND);
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void fallbackChainOfTheTemplateAppliesUnderTheChatClient() {
		providers.alpha().enqueue(FakeResponse.openAiError(503, "overloaded"));
		providers.beta().enqueue(FakeResponse.text("from beta"));
		providers.runner().withPropertyValues("chat.providers.alpha.fallback=beta").run((context) -> {
			ChatResponse response = builder(context, "alpha").build().prompt("hi").call().chatResponse();

			assertThat(response.getResult().getOutput().getText()).isEqualTo("from beta");
			assertThat((String) response.getMetadata().get("provider")).isEqualTo("beta");
			assertThat(providers.beta().takeRequest().model()).isEqualTo("beta-model");
		});
	}

	private static final String QUOTA_BODY = "{\"codes\":300,\"mess\":\"当前额度不足，请充值后继续使用\",\"data\":\"\"}";

	private static ChatClient.Builder builder(ApplicationContext context, String provider) {
		return context.getBean(provider + "ChatClientBuilder", ChatClient.Builder.class);
	}

	/**
	 * A Spring AI tool.
	 */
	static final class Weather {

		final List<String> cities = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Tool(name = "get_weather", description = "Current weather of a city")
		String getWeather(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "sunny, 21°C in " + city;
		}

	}

	/**
	 * A structured answer.
	 *
	 * @param city the city
	 * @param celsius the temperature
	 */
	record CityWeather(String city, int celsius) {

	}

}
