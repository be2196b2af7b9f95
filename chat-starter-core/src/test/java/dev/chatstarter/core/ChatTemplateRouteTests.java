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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.route.RouteStrategy;
import dev.chatstarter.core.stream.ChatChunk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Routes over several deployments, each a provider at its own path of one WireMock
 * server: the strategies, failover across deployments (streams only before their first
 * chunk), skipped deployments, the route's fallback and the answer naming its deployment.
 */
class ChatTemplateRouteTests extends WireMockSupport {

	private static final String STREAM = """
			data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"po"},"finish_reason":null}]}

			data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"ng"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	@Test
	void weightedSpreadsAThousandCallsByWeight() {
		answer("a", okJson(PONG));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("smart")
			.deployment(provider("a"), "gpt-4.1", 3)
			.deployment(provider("b"), "gpt-4.1", 1)
			.build();

		Map<String, Long> answeredBy = new HashMap<>();
		for (int i = 0; i < 1000; i++) {
			answeredBy.merge(route.prompt("hi").call().response().deployment(), 1L, Long::sum);
		}

		// binomial(1000, 0.75): sd 13.7, so 750 +- 70 is five standard deviations
		assertThat(answeredBy.get("a/gpt-4.1")).isBetween(680L, 820L);
		assertThat(answeredBy.get("a/gpt-4.1") + answeredBy.get("b/gpt-4.1")).isEqualTo(1000);
		assertThat(requestsTo("a")).hasSize(answeredBy.get("a/gpt-4.1").intValue());
	}

	@Test
	void theAnswerNamesProviderModelAndDeploymentAndEachProviderMapsItsAlias() {
		answer("a", okJson(PONG));
		ChatTemplate a = templateBuilder().provider("a")
			.baseUrl(baseUrl() + "/a/v1")
			.modelAliases(Map.of("smart", "gpt-4.1-2025-04-14"))
			.build();
		ChatTemplate route = ChatTemplate.route("smart").deployment("primary", a, "smart", 1).build();

		ChatResponse response = route.prompt("hi").call().response();

		assertThat(response.provider()).isEqualTo("a");
		assertThat(response.model()).isEqualTo("gpt-4o");
		assertThat(response.deployment()).isEqualTo("primary");
		assertThat(route.provider()).isEqualTo("smart");
		assertThat(requestsTo("a").get(0).getBodyAsString()).contains("\"model\":\"gpt-4.1-2025-04-14\"");
	}

	@Test
	void roundRobinTakesEachDeploymentInTurn() {
		answer("a", okJson(PONG));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("rr")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 5)
			.build();

		List<String> answeredBy = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answeredBy.add(route.prompt("hi").call().response().deployment());
		}

		assertThat(answeredBy).containsExactly("a", "b", "a", "b");
	}

	@Test
	void leastBusySendsToTheIdleDeployment() throws Exception {
		answer("a", okJson(PONG).withFixedDelay(800));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("lb")
			.strategy(RouteStrategy.LEAST_BUSY)
			.deployment(provider("a"), null, 1000)
			.deployment(provider("b"), null, 1)
			.build();

		CompletableFuture<ChatResponse> slow = route.prompt("hi").call().responseMono().toFuture();
		awaitRequests("a", 1);
		for (int i = 0; i < 5; i++) {
			assertThat(route.prompt("hi").call().response().deployment()).isEqualTo("b");
		}
		assertThat(slow.get().deployment()).isEqualTo("a");
	}

	@Test
	void lowestLatencyShiftsAwayFromASlowedDeployment() {
		answer("a", okJson(PONG).withFixedDelay(150));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("fast")
			.strategy(RouteStrategy.LOWEST_LATENCY)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		Map<String, Long> answeredBy = new HashMap<>();
		for (int i = 0; i < 40; i++) {
			answeredBy.merge(route.prompt("hi").call().response().deployment(), 1L, Long::sum);
		}

		// both are measured first; then one call in twenty explores
		assertThat(answeredBy.get("b")).isGreaterThanOrEqualTo(30);
		assertThat(route.routeState().deployments().get(0).latency()).isGreaterThan(Duration.ofMillis(100));
	}

	@Test
	void lowestLatencyOfStreamsIsTheTimeToTheFirstChunk() {
		answerStream("a",
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM).withFixedDelay(150));
		answerStream("b", aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM));
		ChatTemplate route = ChatTemplate.route("fast")
			.strategy(RouteStrategy.LOWEST_LATENCY)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		for (int i = 0; i < 20; i++) {
			assertThat(route.prompt("hi").stream().content().collectList().block()).containsExactly("po", "ng");
		}

		RouteState.DeploymentState a = route.routeState().deployments().get(0);
		RouteState.DeploymentState b = route.routeState().deployments().get(1);
		assertThat(a.firstChunkLatency()).isGreaterThan(b.firstChunkLatency());
		assertThat(b.calls()).isGreaterThan(a.calls());
		assertThat(a.latency()).isNull();
	}

	@Test
	void mostHeadroomFollowsTheRateLimitHeadersTheProvidersSend() {
		answer("a",
				okJson(PONG).withHeader("x-ratelimit-limit-requests", "100")
					.withHeader("x-ratelimit-remaining-requests", "3")
					.withHeader("x-ratelimit-reset-requests", "6m0s"));
		answer("b", okJson(PONG).withHeader("x-ratelimit-limit-requests", "100")
			.withHeader("x-ratelimit-remaining-requests", "90"));
		ChatTemplate route = ChatTemplate.route("roomy")
			.strategy(RouteStrategy.MOST_HEADROOM)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		// until both have answered once, both have all their headroom
		while (requestsTo("a").isEmpty() || requestsTo("b").isEmpty()) {
			route.prompt("hi").call().content();
		}
		int beforeA = requestsTo("a").size();
		for (int i = 0; i < 10; i++) {
			assertThat(route.prompt("hi").call().response().deployment()).isEqualTo("b");
		}

		assertThat(requestsTo("a")).hasSize(beforeA);
		assertThat(route.routeState().deployments().get(0).headroom()).isEqualTo(0.03);
	}

	@Test
	void aDeploymentOverItsOwnLimitFailsOverToAnotherOfTheSameProvider() {
		answer("a", okJson(PONG));
		ChatTemplate a = provider("a");
		ChatTemplate route = ChatTemplate.route("models")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment("big", a, "gpt-4o", 1, perMinute(2))
			.deployment("small", a, "gpt-4o-mini", 1)
			.build();

		List<String> answeredBy = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			answeredBy.add(route.prompt("hi").call().response().deployment());
		}

		assertThat(answeredBy).containsExactly("big", "small", "big", "small", "small", "small");
		assertThat(requestsTo("a")).filteredOn((request) -> request.getBodyAsString().contains("\"gpt-4o\""))
			.hasSize(2);
		assertThat(route.routeState().deployments().get(0).headroom()).isZero();
	}

	@Test
	void mostHeadroomWithoutHeadersUsesTheClientSideLimits() {
		answer("a", okJson(PONG));
		answer("b", okJson(PONG));
		ChatTemplate a = templateBuilder().provider("a").baseUrl(baseUrl() + "/a/v1").limits(perMinute(4)).build();
		ChatTemplate b = templateBuilder().provider("b").baseUrl(baseUrl() + "/b/v1").limits(perMinute(100)).build();
		ChatTemplate route = ChatTemplate.route("roomy")
			.strategy(RouteStrategy.MOST_HEADROOM)
			.deployment(a, null, 1)
			.deployment(b, null, 1)
			.build();

		for (int i = 0; i < 20; i++) {
			route.prompt("hi").call().content();
		}

		// a, with a quarter of its minute left after one call, is chosen only while its
		// share stays above b's
		assertThat(requestsTo("a").size()).isLessThanOrEqualTo(1);
		assertThat(requestsTo("b").size()).isGreaterThanOrEqualTo(19);
	}

	@Test
	void aRouteSurvivesOneOfThreeDeploymentsGoingDown() {
		answer("a", okJson(PONG));
		answer("b", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}"));
		answer("c", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("three")
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.deployment(provider("c"), null, 1)
			.build();

		for (int i = 0; i < 60; i++) {
			assertThat(route.prompt("hi").call().response().deployment()).isIn("a", "c");
		}

		// b failed three calls (of three attempts each), cooled down and was skipped
		assertThat(requestsTo("b")).hasSizeBetween(1, 3 * 3);
		assertThat(route.routeState().deployments().get(1).serving()).isFalse();
		assertThat(route.routeState().isAvailable()).isTrue();
	}

	@Test
	void aStreamFailsOverBeforeItsFirstChunk() {
		answerStream("a", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}"));
		answerStream("b", aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM));
		ChatTemplate route = ChatTemplate.route("s")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		List<ChatChunk> chunks = route.prompt("hi").stream().chunks().collectList().block();

		assertThat(chunks).extracting(ChatChunk::deployment).containsOnly("b");
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("b");
		assertThat(route.prompt("hi").stream().response().block().deployment()).isIn("a", "b");
	}

	@Test
	void aStreamThatBrokeAfterItsFirstChunkDoesNotFailOver() {
		answerStream("a", aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
				data: {"id":"s","choices":[{"index":0,"delta":{"content":"po"}}]}

				data: {"error":{"message":"overloaded","type":"server_error","code":503}}

				"""));
		answerStream("b", aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM));
		ChatTemplate route = ChatTemplate.route("s")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();
		List<String> received = new ArrayList<>();

		ChatException failure = catchThrowableOfType(ChatException.class,
				() -> route.prompt("hi").stream().content().doOnNext(received::add).blockLast());

		assertThat(failure.getProvider()).isEqualTo("a");
		assertThat(failure.isRetryable()).isTrue();
		assertThat(received).containsExactly("po");
		assertThat(requestsTo("a")).hasSize(1);
		assertThat(requestsTo("b")).isEmpty();
	}

	@Test
	void aDeploymentCoolingDownIsSkippedWithoutARequest() {
		answer("a", aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}"));
		answer("b", okJson(PONG));
		ChatTemplate a = templateBuilder().provider("a")
			.baseUrl(baseUrl() + "/a/v1")
			.retryPolicy(RetryPolicy.none())
			.cooldown(new CooldownPolicy(1, Duration.ofMinutes(1), Duration.ofMinutes(1)))
			.build();
		catchThrowableOfType(ChatServerException.class, () -> a.prompt("hi").call().content());
		assertThat(a.cooldownState()).isEqualTo(CooldownState.OPEN);
		wireMock.resetRequests();
		ChatTemplate route = ChatTemplate.route("r")
			.deployment(a, null, 100)
			.deployment(provider("b"), null, 1)
			.build();

		for (int i = 0; i < 10; i++) {
			assertThat(route.prompt("hi").call().response().deployment()).isEqualTo("b");
		}

		assertThat(requestsTo("a")).isEmpty();
	}

	@Test
	void aDeploymentWithEveryKeyTakenOutIsSkipped() {
		answer("a", aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"invalid key\"}}"));
		answer("b", okJson(PONG));
		ChatTemplate a = templateBuilder().provider("a")
			.baseUrl(baseUrl() + "/a/v1")
			.apiKey(null)
			.keyPool(ApiKeyPool.of(List.of("sk-route-one-Aa1Bb2Cc3", "sk-route-two-Dd4Ee5Ff6")))
			.build();
		ChatTemplate route = ChatTemplate.route("r").deployment(a, null, 1).deployment(provider("b"), null, 1).build();

		for (int i = 0; i < 20; i++) {
			assertThat(route.prompt("hi").call().response().deployment()).isEqualTo("b");
		}

		assertThat(requestsTo("a")).hasSizeLessThanOrEqualTo(2);
		assertThat(route.routeState().deployments().get(0).serving()).isFalse();
	}

	@Test
	void whenEveryDeploymentFailedTheRouteFallsBack() {
		answer("a", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"a down\"}}"));
		answer("b", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"b down\"}}"));
		answer("z", okJson(PONG));
		List<String> moves = new ArrayList<>();
		ChatTemplate route = ChatTemplate.route("r")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.fallback(provider("z"))
			.fallbackListener((from, to, failure) -> moves.add(from + "->" + to))
			.build();

		ChatResponse response = route.prompt("hi").call().response();

		assertThat(response.provider()).isEqualTo("z");
		assertThat(response.deployment()).isNull();
		assertThat(moves).containsExactly("a->b", "r->z");
	}

	@Test
	void withoutAFallbackTheLastDeploymentsFailureIsTheCalls() {
		answer("a", aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"a down\"}}"));
		answer("b", aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad request on b\"}}"));
		ChatTemplate route = ChatTemplate.route("r")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		ChatException failure = catchThrowableOfType(ChatException.class, () -> route.prompt("hi").call().content());

		assertThat(failure.getProvider()).isEqualTo("b");
		assertThat(failure.getMessage()).contains("bad request on b");
	}

	@Test
	void aBadRequestDoesNotMoveToAnotherDeployment() {
		answer("a", aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad request on a\"}}"));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("r")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(provider("a"), null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		ChatException failure = catchThrowableOfType(ChatException.class, () -> route.prompt("hi").call().content());

		assertThat(failure.getProvider()).isEqualTo("a");
		assertThat(requestsTo("b")).isEmpty();
	}

	@Test
	void aRouteTakesNoPerCallCredentials() {
		ChatTemplate route = ChatTemplate.route("r").deployment(provider("a"), null, 1).build();

		assertThatIllegalStateException().isThrownBy(() -> route.prompt("hi").apiKey("sk-tenant-1").call().content())
			.withMessageContaining("'r' is a route");
	}

	@Test
	void aConnectionFailureMovesToAnotherDeployment() {
		answer("a", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		answer("b", okJson(PONG));
		ChatTemplate a = templateBuilder().provider("a")
			.baseUrl(baseUrl() + "/a/v1")
			.retryPolicy(RetryPolicy.none())
			.build();
		ChatTemplate route = ChatTemplate.route("r")
			.strategy(RouteStrategy.ROUND_ROBIN)
			.deployment(a, null, 1)
			.deployment(provider("b"), null, 1)
			.build();

		assertThat(route.prompt("hi").call().response().deployment()).isEqualTo("b");
		assertThat(requestsTo("a")).hasSize(1);
		assertThat(catchThrowableOfType(ChatConnectionException.class, () -> a.prompt("hi").call().content()))
			.isNotNull();
	}

	@Test
	void theStateOfARouteNamesEveryDeployment() {
		answer("a", okJson(PONG));
		answer("b", okJson(PONG));
		ChatTemplate route = ChatTemplate.route("r")
			.strategy(RouteStrategy.LEAST_BUSY)
			.deployment(provider("a"), "gpt-4.1", 2)
			.deployment("backup", provider("b"), null, 1)
			.build();
		route.prompt("hi").call().content();

		RouteState state = route.routeState();

		assertThat(state.route()).isEqualTo("r");
		assertThat(state.strategy()).isEqualTo(RouteStrategy.LEAST_BUSY);
		assertThat(state.deployments()).extracting(RouteState.DeploymentState::name)
			.containsExactly("a/gpt-4.1", "backup");
		assertThat(state.deployments().get(0).calls() + state.deployments().get(1).calls()).isEqualTo(1);
		assertThat(state.deployments().get(0).inFlight()).isZero();
		assertThat(state.deployments().get(1).provider()).isEqualTo("b");
		assertThat(route.cooldownState()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void aStructuredAnswerIsAskedInTheWayEveryDeploymentUnderstands() {
		answer("a",
				okJson("""
						{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"{\\"city\\":\\"Paris\\"}"},"finish_reason":"stop"}]}"""));
		ChatTemplate route = ChatTemplate.route("r").deployment(provider("a"), null, 1).build();

		City city = route.prompt("where?").call().entity(City.class);

		assertThat(city.city()).isEqualTo("Paris");
		assertThat(requestsTo("a").get(0).getBodyAsString()).contains("json_schema");
	}

	private static ProviderLimits perMinute(int requests) {
		return new ProviderLimits(0, requests, 0, ProviderLimits.Mode.FAIL, Duration.ZERO);
	}

	private ChatTemplate provider(String name) {
		return templateBuilder().provider(name).baseUrl(baseUrl() + "/" + name + "/v1").build();
	}

	private static void answer(String provider, ResponseDefinitionBuilder response) {
		wireMock.stubFor(chat(provider).willReturn(response));
	}

	private static void answerStream(String provider, ResponseDefinitionBuilder response) {
		wireMock.stubFor(chat(provider).withRequestBody(containing("\"stream\":true")).willReturn(response));
	}

	private static MappingBuilder chat(String provider) {
		return post(urlEqualTo("/" + provider + "/v1/chat/completions"));
	}

	private static List<LoggedRequest> requestsTo(String provider) {
		return wireMock.findAll(postRequestedFor(urlEqualTo("/" + provider + "/v1/chat/completions")));
	}

	private static void awaitRequests(String provider, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (requestsTo(provider).size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(requestsTo(provider)).hasSize(count);
	}

	record City(String city) {

	}

}
