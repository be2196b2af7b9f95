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

package dev.chatstarter.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.resilience.CooldownState;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@code chat.providers.<name>.fallback}, cooldown and limits as configured
 * through properties.
 */
class ChatFallbackConfigurationTests {

	private static final String ANSWER = """
			{"id":"c","object":"chat.completion","created":1,"model":"m",
			"choices":[{"index":0,"message":{"role":"assistant","content":"from %s"},"finish_reason":"stop"}]}""";

	@RegisterExtension
	static WireMockExtension primary = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@RegisterExtension
	static WireMockExtension backup = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class));

	private ApplicationContextRunner twoProviders() {
		return this.runner.withPropertyValues("chat.default-provider=main",
				"chat.providers.main.base-url=http://127.0.0.1:" + primary.getPort() + "/v1",
				"chat.providers.main.model=main-model", "chat.providers.main.retry.max-attempts=1",
				"chat.providers.main.fallback=spare",
				"chat.providers.spare.base-url=http://127.0.0.1:" + backup.getPort() + "/v1",
				"chat.providers.spare.model=spare-model", "chat.providers.spare.retry.max-attempts=1");
	}

	@Test
	void failedCallFallsBackToTheNextProviderWithItsModel() {
		primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		backup.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER.formatted("spare"))));
		twoProviders().run((context) -> {
			ChatResponse response = context.getBean(ChatTemplate.class).prompt("hi").call().response();
			assertThat(response.provider()).isEqualTo("spare");
			backup.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("spare-model"))));
		});
	}

	@Test
	void cooldownAndLimitsAreBound() {
		primary.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		backup.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER.formatted("spare"))));
		twoProviders()
			.withPropertyValues("chat.providers.main.cooldown.failures=1", "chat.providers.main.cooldown.duration=1h",
					"chat.providers.spare.limits.requests-per-minute=1")
			.run((context) -> {
				ChatTemplate main = context.getBean("main", ChatTemplate.class);
				assertThat(main.prompt("hi").call().content()).isEqualTo("from spare");
				assertThat(main.cooldownState()).isEqualTo(CooldownState.OPEN);
				assertThat(catchThrowable(() -> main.prompt("hi").call().content()))
					.isInstanceOf(ChatLimitExceededException.class);
				primary.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
			});
	}

	@Test
	void unknownFallbackFailsTheStartup() {
		this.runner
			.withPropertyValues("chat.providers.main.base-url=https://api.example.com/v1",
					"chat.providers.main.fallback=spare")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"chat.providers.main.fallback names 'spare' but there is no provider of that name; the configured providers are [main]");
				assertThat(analysis.getAction()).contains("add the provider under chat.providers.spare");
			});
	}

	@Test
	void fallbackToItselfFailsTheStartup() {
		this.runner
			.withPropertyValues("chat.providers.main.base-url=https://api.example.com/v1",
					"chat.providers.main.fallback=main")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.main.fallback names the provider itself ('main')"));
	}

	@Test
	void fallbackCycleFailsTheStartup() {
		this.runner
			.withPropertyValues("chat.default-provider=a", "chat.providers.a.base-url=https://a.example.com/v1",
					"chat.providers.a.fallback=b", "chat.providers.b.base-url=https://b.example.com/v1",
					"chat.providers.b.fallback=c", "chat.providers.c.base-url=https://c.example.com/v1",
					"chat.providers.c.fallback=a")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("The fallbacks form a cycle: a -> b -> c -> a.");
				assertThat(analysis.getAction()).contains("Remove one of the fallbacks of [a, b, c]");
			});
	}

	@Test
	void invalidCooldownAndLimitsFailTheStartup() {
		this.runner
			.withPropertyValues("chat.providers.main.base-url=https://api.example.com/v1",
					"chat.providers.main.cooldown.failures=0", "chat.providers.main.limits.requests-per-minute=-1")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("chat.providers.main.cooldown.failures is 0")
					.contains("chat.providers.main.limits.requests-per-minute is -1");
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

}
