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

package dev.chatstarter.core.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.tool.ChatTool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fallback chains and cooldowns between two providers, each a WireMock server.
 */
class FallbackTests {

	private static final Duration BOUND = Duration.ofSeconds(15);

	private static final String ANSWER = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"m",
			"choices":[{"index":0,"message":{"role":"assistant","content":"from %s"},"finish_reason":"stop"}]}""";

	private static final String CHUNKS = """
			data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"from %s"},"finish_reason":null}]}

			data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	@RegisterExtension
	static WireMockExtension primaryServer = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@RegisterExtension
	static WireMockExtension backupServer = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final List<String> fallbacks = new CopyOnWriteArrayList<>();

	private final MutableClock clock = new MutableClock();

	private ChatTemplate backup() {
		return ChatTemplate.builder()
			.provider("backup")
			.baseUrl("http://127.0.0.1:" + backupServer.getPort() + "/v1")
			.defaultOptions((options) -> options.model("backup-model").temperature(0.9))
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	/**
	 * A third provider, served by the primary's server for requests that name its model.
	 */
	private static ChatTemplate last() {
		return ChatTemplate.builder()
			.provider("last")
			.baseUrl("http://127.0.0.1:" + primaryServer.getPort() + "/v1")
			.defaultOptions((options) -> options.model("last-model"))
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	private ChatTemplate.Builder primaryBuilder() {
		return ChatTemplate.builder()
			.provider("primary")
			.baseUrl("http://127.0.0.1:" + primaryServer.getPort() + "/v1")
			.defaultOptions((options) -> options.model("primary-model").temperature(0.1))
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO, 0))
			.fallback(backup())
			.fallbackListener((from, to, failure) -> this.fallbacks
				.add(from + "->" + to + ":" + failure.getClass().getSimpleName()))
			.clock(this.clock);
	}

	private static void primaryFails(int status, String body) {
		primaryServer.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	private static void backupAnswers() {
		backupServer.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER.formatted("backup"))));
	}

	@Test
	void retryableFailureFallsBackAfterTheProvidersOwnRetries() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupAnswers();

		ChatResponse response = primaryBuilder().build()
			.prompt()
			.user("hi")
			.options((options) -> options.maxTokens(50))
			.call()
			.response();

		assertThat(response.provider()).isEqualTo("backup");
		assertThat(response.content()).isEqualTo("from backup");
		primaryServer.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		backupServer.verify(1,
				postRequestedFor(urlEqualTo("/v1/chat/completions"))
					.withRequestBody(matchingJsonPath("$.model", equalTo("backup-model")))
					.withRequestBody(matchingJsonPath("$.temperature", equalTo("0.9")))
					.withRequestBody(matchingJsonPath("$.max_tokens", equalTo("50"))));
		assertThat(this.fallbacks).containsExactly("primary->backup:ChatServerException");
	}

	@Test
	void badRequestDoesNotFallBack() {
		primaryFails(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}");
		backupAnswers();

		ChatException ex = catchThrowableOfType(ChatException.class,
				() -> primaryBuilder().build().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatBadRequestException.class);
		assertThat(backupServer.getAllServeEvents()).isEmpty();
		assertThat(this.fallbacks).isEmpty();
	}

	@Test
	void authenticationFailureFallsBackUnlessExcluded() {
		primaryFails(401, "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}");
		backupAnswers();

		assertThat(primaryBuilder().build().prompt("hi").call().content()).isEqualTo("from backup");
		ChatException ex = catchThrowableOfType(ChatException.class,
				() -> primaryBuilder().fallbackOn(FallbackTrigger.RETRYABLE).build().prompt("hi").call().content());
		assertThat(ex).isInstanceOf(ChatAuthenticationException.class);
	}

	@Test
	void lastProvidersFailureIsReported() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)));

		StepVerifier.create(primaryBuilder().build().prompt("hi").call().responseMono())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ChatServerException.class).hasMessageContaining("'backup'"))
			.verify(BOUND);
	}

	@Test
	void streamFallsBackBeforeItsFirstChunk() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(CHUNKS.formatted("backup"))));

		ChatResponse response = primaryBuilder().build().prompt("hi").stream().response().block(BOUND);

		assertThat(response.provider()).isEqualTo("backup");
		assertThat(response.content()).isEqualTo("from backup");
	}

	@Test
	void aFallbacksOwnFallbacksAreFollowed() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)));
		primaryServer
			.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.model", equalTo("last-model")))
				.willReturn(okJson(ANSWER.formatted("last"))));
		ChatTemplate last = last();
		ChatTemplate backup = backup().mutate().fallback(last).build();

		ChatResponse response = primaryBuilder().fallback(backup)
			.build()
			.prompt("hi")
			.call()
			.responseMono()
			.block(BOUND);

		assertThat(response.provider()).isEqualTo("last");
		assertThat(response.content()).isEqualTo("from last");
		assertThat(this.fallbacks).containsExactly("primary->backup:ChatServerException",
				"backup->last:ChatServerException");
	}

	@Test
	void aProviderNamedByTwoChainsIsTriedOnce() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)));
		ChatTemplate last = last();
		ChatTemplate backup = backup().mutate().fallback(last).build();

		StepVerifier.create(primaryBuilder().fallback(backup, last).build().prompt("hi").call().responseMono())
			.expectError(ChatServerException.class)
			.verify(BOUND);

		primaryServer.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("last-model"))));
		assertThat(this.fallbacks).containsExactly("primary->backup:ChatServerException",
				"backup->last:ChatServerException");
	}

	@Test
	void streamWithToolsNamesTheProviderThatAnswered() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(CHUNKS.formatted("backup"))));

		ChatResponse response = primaryBuilder().build()
			.prompt("hi")
			.toolsFrom(new Clock())
			.stream()
			.response()
			.block(BOUND);

		assertThat(response.provider()).isEqualTo("backup");
		assertThat(response.content()).isEqualTo("from backup");
		backupServer.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("current_time"))));
	}

	@Test
	void streamDoesNotFallBackAfterItsFirstChunk() {
		String cut = CHUNKS.formatted("primary").substring(0, CHUNKS.formatted("primary").indexOf("\n\n") + 2)
				+ "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n";
		primaryServer.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(cut)));
		backupAnswers();

		StepVerifier.create(primaryBuilder().build().prompt("hi").stream().content())
			.expectNext("from primary")
			.expectError(ChatServerException.class)
			.verify(BOUND);
		assertThat(backupServer.getAllServeEvents()).isEmpty();
	}

	@Test
	void providerCoolingDownIsSkippedThenProbed() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupAnswers();
		ChatTemplate template = primaryBuilder().retryPolicy(RetryPolicy.none())
			.cooldown(new CooldownPolicy(2, Duration.ofSeconds(60), Duration.ofSeconds(5)))
			.build();

		for (int i = 0; i < 4; i++) {
			assertThat(template.prompt("hi").call().content()).isEqualTo("from backup");
		}

		primaryServer.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(template.cooldownState()).isEqualTo(CooldownState.OPEN);
		assertThat(this.fallbacks).endsWith("primary->backup:ChatProviderUnavailableException");

		primaryServer.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER.formatted("primary"))));
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(template.cooldownState()).isEqualTo(CooldownState.HALF_OPEN);
		assertThat(template.prompt("hi").call().content()).isEqualTo("from primary");
		assertThat(template.cooldownState()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void providerOverItsLimitFallsBackAtOnce() {
		primaryServer.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER.formatted("primary"))));
		backupAnswers();
		ChatTemplate template = primaryBuilder()
			.limits(new ProviderLimits(0, 1, 0, ProviderLimits.Mode.FAIL, Duration.ZERO))
			.build();

		assertThat(template.prompt("hi").call().content()).isEqualTo("from primary");
		assertThat(template.prompt("hi").call().content()).isEqualTo("from backup");

		assertThat(this.fallbacks).containsExactly("primary->backup:ChatLimitExceededException");
		ChatException alone = catchThrowableOfType(ChatException.class,
				() -> template.mutate().fallback().build().prompt("hi").call().content());
		assertThat(alone).as("a template of its own gets its own limiter").isNull();
	}

	@Test
	void everyProviderCoolingDownFailsAtOnce() {
		primaryFails(503, "{\"error\":{\"message\":\"overloaded\"}}");
		backupServer.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		ChatTemplate template = primaryBuilder().retryPolicy(RetryPolicy.none())
			.cooldown(new CooldownPolicy(1, Duration.ofSeconds(60), Duration.ofSeconds(5)))
			.build();
		// the backup has the default policy: three failures
		for (int i = 0; i < 3; i++) {
			catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());
		}
		int primaryCalls = primaryServer.getAllServeEvents().size();

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatProviderUnavailableException.class);
		assertThat(primaryServer.getAllServeEvents()).hasSize(primaryCalls);
	}

	/** A tool offered to the model. */
	public static class Clock {

		@ChatTool(name = "current_time", description = "The current time")
		public String currentTime() {
			return "12:00";
		}

	}

}
