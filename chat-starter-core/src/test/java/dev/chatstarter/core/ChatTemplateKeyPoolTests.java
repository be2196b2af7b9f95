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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.http.KeySelection;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.resilience.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A provider with a pool of API keys, against WireMock: selection, a rate-limited key
 * cooling while the others serve, a rejected key taken out, and no key in any error.
 */
class ChatTemplateKeyPoolTests extends WireMockSupport {

	private static final String KEY_A = "sk-pool-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8";

	private static final String KEY_B = "sk-pool-Ii9Jj8Kk7Ll6Mm5Nn4Oo3Pp2";

	private static final String KEY_C = "sk-pool-Qq1Rr2Ss3Tt4Uu5Vv6Ww7Xx8";

	private static final String STREAM = """
			data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"po"},"finish_reason":null}]}

			data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"ng"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	private final MutableClock clock = new MutableClock();

	@Test
	void roundRobinSendsEachKeyInTurn() {
		wireMock.stubFor(chat().willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B, KEY_C)));

		for (int i = 0; i < 6; i++) {
			assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		}

		assertThat(keysSent()).containsExactly(KEY_A, KEY_B, KEY_C, KEY_A, KEY_B, KEY_C);
	}

	@Test
	void randomSpreadsOverEveryKey() {
		wireMock.stubFor(chat().willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)).withSelection(KeySelection.RANDOM));

		for (int i = 0; i < 200; i++) {
			template.prompt("hi").call().content();
		}

		Map<String, Long> counts = keysSent().stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		// binomial(200, 0.5): below 60 happens less than once in ten million runs
		assertThat(counts.get(KEY_A)).isGreaterThan(60);
		assertThat(counts.get(KEY_B)).isGreaterThan(60);
	}

	@Test
	void leastBusySendsToTheIdleKey() throws Exception {
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_A))
			.willReturn(okJson(PONG).withFixedDelay(800)));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B)).willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)).withSelection(KeySelection.LEAST_BUSY));

		CompletableFuture<String> slow = template.prompt("hi").call().contentMono().toFuture();
		awaitChatRequests(1);
		for (int i = 0; i < 3; i++) {
			assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		}
		assertThat(slow.get()).isEqualTo("pong");

		assertThat(keysSent()).containsExactly(KEY_A, KEY_B, KEY_B, KEY_B);
	}

	@Test
	void rateLimitedKeyCoolsForItsRetryAfterWhileTheOthersServe() {
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_A))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "30")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B)).willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		assertThat(keysSent()).containsExactly(KEY_A, KEY_B, KEY_B);
		KeyPoolState state = template.keyPoolState();
		assertThat(state).isNotNull();
		assertThat(state.available()).isEqualTo(1);
		assertThat(state.cooling()).isEqualTo(1);
		assertThat(state.keys().get(0).status()).isEqualTo(KeyPoolState.Status.COOLING);
		assertThat(state.keys().get(0).until()).isEqualTo(this.clock.instant().plusSeconds(30));

		this.clock.advance(Duration.ofSeconds(31));
		wireMock.resetAll();
		wireMock.stubFor(chat().willReturn(okJson(PONG)));
		template.prompt("hi").call().content();
		template.prompt("hi").call().content();

		assertThat(keysSent()).contains(KEY_A);
		assertThat(template.keyPoolState().available()).isEqualTo(2);
	}

	@Test
	void rejectedKeyIsTakenOutAndHealthShowsIt() {
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY_B
						+ "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_A)).willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		for (int i = 0; i < 5; i++) {
			assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		}

		assertThat(keysSent()).containsExactly(KEY_A, KEY_B, KEY_A, KEY_A, KEY_A, KEY_A);
		KeyPoolState state = template.keyPoolState();
		assertThat(state.disabled()).isEqualTo(1);
		KeyPoolState.Key rejected = state.keys().get(1);
		assertThat(rejected.status()).isEqualTo(KeyPoolState.Status.DISABLED);
		assertThat(rejected.until()).isNull();
		assertThat(rejected.errors()).isEqualTo(1);
		assertThat(rejected.fingerprint()).hasSize(8).isNotEqualTo(KEY_B.substring(0, 8));
		assertThat(state.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
		this.clock.advance(Duration.ofDays(365));
		assertThat(template.keyPoolState().disabled()).isEqualTo(1);
	}

	@Test
	void aRejectedKeyIsLoggedOnceByPositionAndFingerprintNeverByValue() {
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_A))
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"key " + KEY_A + " is banned\"}}")));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B)).willReturn(okJson(PONG)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger logger = (Logger) LoggerFactory.getLogger("dev.chatstarter.core.internal.http.KeyPool");
		logger.addAppender(log);
		try {
			for (int i = 0; i < 4; i++) {
				template.prompt("hi").call().content();
			}
		}
		finally {
			logger.detachAppender(log);
		}

		List<String> warnings = log.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(warnings).singleElement()
			.asString()
			.contains("API key #0")
			.contains(template.keyPoolState().keys().get(0).fingerprint())
			.contains("until restart")
			.doesNotContain(KEY_A);
	}

	@Test
	void keyOutOfQuotaInAnHttp200BodyComesBackAfterDisableFor() {
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_A))
			.willReturn(okJson("{\"codes\":300,\"mess\":\"当前额度不足，请充值后继续使用\",\"data\":\"\"}")));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B)).willReturn(okJson(PONG)));
		ChatTemplate template = pooled(new ApiKeyPool(List.of(KEY_A, KEY_B), KeySelection.ROUND_ROBIN, null,
				Duration.ofSeconds(5), Duration.ofMinutes(10)));

		assertThat(template.prompt("hi").call().content()).isEqualTo("pong");
		assertThat(template.keyPoolState().disabled()).isEqualTo(1);
		assertThat(template.keyPoolState().keys().get(0).until())
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)));

		this.clock.advance(Duration.ofMinutes(11));
		assertThat(template.keyPoolState().available()).isEqualTo(2);
	}

	@Test
	void whenEveryKeyIsRejectedTheCallFailsWithoutAnyKeyInTheError() {
		wireMock.stubFor(chat().willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY_A + " " + KEY_B
					+ "\",\"code\":\"invalid_api_key\"}}")));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		ChatException first = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());
		ChatException next = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());

		assertThat(first).isInstanceOf(ChatAuthenticationException.class);
		assertThat(first.getStatusCode()).isEqualTo(401);
		assertThat(next).isInstanceOf(ChatAuthenticationException.class);
		assertThat(next.getMessage()).contains("none of the 2 API keys serves")
			.contains("chat.providers.aigc.api-keys");
		for (ChatException failure : List.of(first, next)) {
			assertThat(failure.getMessage()).doesNotContain(KEY_A).doesNotContain(KEY_B);
			assertThat(String.valueOf(failure.getRawExcerpt())).doesNotContain(KEY_A).doesNotContain(KEY_B);
		}
		wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void whenEveryKeyCoolsTheCallFailsAsRateLimitedUntilTheSoonestKeyIsBack() {
		wireMock.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20")));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		catchThrowableOfType(ChatRateLimitException.class, () -> template.prompt("hi").call().content());
		ChatRateLimitException next = catchThrowableOfType(ChatRateLimitException.class,
				() -> template.prompt("hi").call().content());

		assertThat(next.getStatusCode()).isZero();
		assertThat(next.getRetryAfter()).isEqualTo(Duration.ofSeconds(20));
		wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void streamMovesToAnotherKeyBeforeItsFirstChunk() {
		wireMock.stubFor(
				chat().withHeader("Authorization", equalTo("Bearer " + KEY_A)).willReturn(aResponse().withStatus(429)));
		wireMock.stubFor(chat().withHeader("Authorization", equalTo("Bearer " + KEY_B))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		List<String> content = template.prompt("hi").stream().content().collectList().block(Duration.ofSeconds(10));

		assertThat(content).containsExactly("po", "ng");
		assertThat(keysSent()).containsExactly(KEY_A, KEY_B);
	}

	@Test
	void keysGoInTheConfiguredHeaderAsTheyAre() {
		wireMock.stubFor(chat().willReturn(okJson(PONG)));
		ChatTemplate template = pooled(new ApiKeyPool(List.of(KEY_A, KEY_B), KeySelection.ROUND_ROBIN, "api-key",
				Duration.ofSeconds(5), null));

		template.prompt("hi").call().content();
		template.prompt("hi").call().content();

		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).extracting((request) -> request.getHeader("api-key")).containsExactly(KEY_A, KEY_B);
		assertThat(requests).allSatisfy((request) -> assertThat(request.containsHeader("Authorization")).isFalse());
	}

	@Test
	void modelsAreListedWithAKeyOfThePool() {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models")
			.willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\"}]}")));
		ChatTemplate template = pooled(ApiKeyPool.of(List.of(KEY_A, KEY_B)));

		assertThat(template.models()).hasSize(1);

		wireMock.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/v1/models"))
			.withHeader("Authorization", equalTo("Bearer " + KEY_A)));
	}

	private ChatTemplate pooled(ApiKeyPool pool) {
		return templateBuilder().apiKey(null)
			.keyPool(pool)
			.retryPolicy(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2), 0.5))
			.clock(this.clock)
			.build();
	}

	private static MappingBuilder chat() {
		return post("/v1/chat/completions");
	}

	private static List<String> keysSent() {
		return wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
			.stream()
			.map((request) -> request.getHeader("Authorization").substring("Bearer ".length()))
			.toList();
	}

}
