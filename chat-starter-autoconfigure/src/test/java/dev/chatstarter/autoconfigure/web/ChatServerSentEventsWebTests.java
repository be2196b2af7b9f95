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

package dev.chatstarter.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChatServerSentEvents} from a Spring MVC and a WebFlux controller, read with
 * Spring's own SSE reader (which strips one space after {@code data:}, as browsers do):
 * the fragments come back exactly, leading spaces and line breaks included, and a failure
 * arrives as an {@code error} event carrying the problem.
 */
class ChatServerSentEventsWebTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

	@Test
	void mvcStreamKeepsEveryFragmentExactly() {
		mvc((client) -> assertFragmentsSurvive(client));
	}

	@Test
	void webFluxStreamKeepsEveryFragmentExactly() {
		webFlux((client) -> assertFragmentsSurvive(client));
	}

	@Test
	void mvcStreamEndsAProviderFailureWithAnErrorEvent() {
		mvc((client) -> assertProviderFailureArrives(client));
	}

	@Test
	void webFluxStreamEndsAProviderFailureWithAnErrorEvent() {
		webFlux((client) -> assertProviderFailureArrives(client));
	}

	@Test
	void anApplicationFailureArrivesWithoutItsMessage() {
		webFlux((client) -> {
			List<ServerSentEvent<String>> events = events(client, "/stream/broken");
			assertThat(events).hasSize(2);
			JsonNode problem = JsonMapper.shared().readTree(events.get(1).data());
			assertThat(events.get(1).event()).isEqualTo(ChatServerSentEvents.ERROR_EVENT);
			assertThat(problem.get("status").asInt()).isEqualTo(500);
			assertThat(events.get(1).data()).doesNotContain("secret internals", "IllegalStateException");
		});
	}

	@Test
	void eachFragmentIsAJsonStringOnOneDataLine() {
		StepVerifier.create(ChatServerSentEvents.of(Flux.just(" a\r\nb", "\"quoted\"")))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("\" a\\r\\nb\""))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("\"\\\"quoted\\\"\""))
			.expectComplete()
			.verify(TIME_LIMIT);
	}

	private static void assertFragmentsSurvive(WebTestClient client) {
		List<ServerSentEvent<String>> events = events(client, "/stream");
		assertThat(events).allSatisfy((event) -> assertThat(event.event()).isNull());
		assertThat(events.stream().map((event) -> JsonMapper.shared().readValue(event.data(), String.class)))
			.containsExactly("Echo", " from", " the", "  offline\nprovider", " ");
	}

	private static void assertProviderFailureArrives(WebTestClient client) {
		List<ServerSentEvent<String>> events = events(client, "/stream/failing");
		assertThat(events).hasSize(2);
		assertThat(JsonMapper.shared().readValue(events.get(0).data(), String.class)).isEqualTo(" partial");
		assertThat(events.get(1).event()).isEqualTo(ChatServerSentEvents.ERROR_EVENT);
		JsonNode problem = JsonMapper.shared().readTree(events.get(1).data());
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("provider").asString()).isEqualTo("fast");
		assertThat(problem.get("kind").asString()).isEqualTo("ChatRateLimitException");
		assertThat(problem.get("detail").asString()).contains("Rate limit reached for gpt-4o");
	}

	private static List<ServerSentEvent<String>> events(WebTestClient client, String path) {
		Flux<ServerSentEvent<String>> body = client.get()
			.uri(path)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(EVENT)
			.getResponseBody();
		List<ServerSentEvent<String>> events = body.collectList().block(TIME_LIMIT);
		assertThat(events).isNotNull();
		return events;
	}

	private static void mvc(Consumer<WebTestClient> test) {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatWebAutoConfiguration.class))
			.withUserConfiguration(ChatWebAutoConfigurationTests.MvcApplication.class)
			.run((context) -> test.accept(MockMvcWebTestClient
				.bindTo(MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build())
				.responseTimeout(TIME_LIMIT)
				.build()));
	}

	private static void webFlux(Consumer<WebTestClient> test) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChatWebAutoConfiguration.class))
			.withUserConfiguration(ChatWebAutoConfigurationTests.WebFluxApplication.class)
			.run((context) -> test.accept(WebTestClient.bindToApplicationContext(context)
				.configureClient()
				.responseTimeout(TIME_LIMIT)
				.build()));
	}

}
