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

import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatException;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@code chat.providers.<name>.pool.*}.
 */
class ChatConnectionPoolConfigurationTests {

	private static final String ANSWER = """
			{"id":"c","object":"chat.completion","created":1,"model":"m",
			"choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}]}""";

	@RegisterExtension
	static WireMockExtension provider = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().asynchronousResponseEnabled(true))
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues("chat.providers.main.base-url=http://127.0.0.1:" + provider.getPort() + "/v1",
				"chat.providers.main.model=m", "chat.providers.main.retry.max-attempts=1");

	@Test
	void aCallerWaitsForABusyPoolNoLongerThanThePendingAcquireTimeout() {
		provider.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER).withFixedDelay(1500)));
		this.runner
			.withPropertyValues("chat.providers.main.pool.max-connections=1",
					"chat.providers.main.pool.pending-acquire-timeout=100ms")
			.run((context) -> {
				ChatTemplate chat = context.getBean(ChatTemplate.class);
				CompletableFuture<String> first = chat.prompt("one").call().contentMono().toFuture();
				Throwable second = catchThrowable(() -> chat.prompt("two").call().content());
				assertThat(second).isInstanceOf(ChatException.class).hasMessageContaining("100ms");
				assertThat(first.join()).isEqualTo("pong");
			});
	}

	@Test
	void aLargerPoolServesConcurrentCalls() {
		provider.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER).withFixedDelay(300)));
		this.runner
			.withPropertyValues("chat.providers.main.pool.max-connections=2",
					"chat.providers.main.pool.pending-acquire-timeout=100ms")
			.run((context) -> {
				ChatTemplate chat = context.getBean(ChatTemplate.class);
				CompletableFuture<String> first = chat.prompt("one").call().contentMono().toFuture();
				assertThat(chat.prompt("two").call().content()).isEqualTo("pong");
				assertThat(first.join()).isEqualTo("pong");
			});
	}

	@Test
	void invalidPoolSettingsFailTheStartup() {
		this.runner
			.withPropertyValues("chat.providers.main.pool.max-connections=0",
					"chat.providers.main.pool.max-pending-acquires=0", "chat.providers.main.pool.max-idle-time=0s",
					"chat.providers.main.pool.max-life-time=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("chat.providers.main.pool.max-connections is 0")
					.contains("chat.providers.main.pool.max-pending-acquires is 0")
					.contains("chat.providers.main.pool.max-idle-time is 0s")
					.contains("chat.providers.main.pool.max-life-time is -1s");
				assertThat(analysis.getAction()).contains("Set chat.providers.main.pool.max-connections to 1 or more");
			});
	}

}
