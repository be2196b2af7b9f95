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

package dev.chatstarter.autoconfigure.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.function.Tuple2;

import dev.chatstarter.autoconfigure.ChatHealthProbe;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.resilience.CooldownPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the caching of {@link ChatHealthIndicator} and the cooldown state it shows.
 */
class ChatHealthIndicatorTests {

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@BeforeEach
	void reset() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"gpt-4o\"}]}").withFixedDelay(200)));
	}

	private static ChatTemplate template() {
		return ChatTemplate.builder()
			.provider("kuai")
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/v1")
			.defaultOptions((options) -> options.model("gpt-4o"))
			.build();
	}

	@Test
	void aProviderCoolingDownIsDownWithoutAProbeAndItsStateIsShown() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(serviceUnavailable()));
		ChatTemplate template = ChatTemplate.builder()
			.provider("kuai")
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/v1")
			.retryPolicy(RetryPolicy.none())
			.cooldown(new CooldownPolicy(1, Duration.ofMinutes(1), Duration.ofHours(1)))
			.build();
		ChatHealthIndicator indicator = new ChatHealthIndicator(template, ChatHealthProbe.MODELS, "127.0.0.1",
				Duration.ofSeconds(5), Duration.ZERO);
		Health before = indicator.health().block();
		assertThat(before.getStatus()).isEqualTo(Status.UP);
		assertThat(before.getDetails()).containsEntry("cooldown", "closed");

		assertThatExceptionOfType(ChatServerException.class).isThrownBy(() -> template.prompt("hi").call().content());

		Health cooling = indicator.health().block();
		assertThat(cooling.getStatus()).isEqualTo(Status.DOWN);
		assertThat(cooling.getDetails()).containsEntry("cooldown", "open")
			.containsEntry("host", "127.0.0.1")
			.hasEntrySatisfying("error", (error) -> assertThat(error.toString()).contains("cooling down"));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
	}

	@Test
	void aPooledProviderShowsItsKeysAndIsDownWhileNoneServes() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)));
		ChatTemplate template = ChatTemplate.builder()
			.provider("kuai")
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/v1")
			.keyPool(ApiKeyPool.of(List.of("sk-pool-one-0123456789", "sk-pool-two-0123456789")))
			.retryPolicy(RetryPolicy.none())
			.build();
		ChatHealthIndicator indicator = new ChatHealthIndicator(template, ChatHealthProbe.MODELS, "127.0.0.1",
				Duration.ofSeconds(5), Duration.ZERO);
		Health before = indicator.health().block();
		assertThat(before.getStatus()).isEqualTo(Status.UP);
		assertThat(before.getDetails()).containsEntry("keys",
				Map.of("total", 2, "available", 2, "cooling", 0, "disabled", 0));

		assertThatExceptionOfType(ChatAuthenticationException.class)
			.isThrownBy(() -> template.prompt("hi").call().content());

		Health out = indicator.health().block();
		assertThat(out.getStatus()).isEqualTo(Status.DOWN);
		assertThat(out.getDetails())
			.containsEntry("keys", Map.of("total", 2, "available", 0, "cooling", 0, "disabled", 2))
			.hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("none of the provider's API keys"));
		assertThat(out.toString()).doesNotContain("sk-pool");
	}

	@Test
	void concurrentChecksShareOneProbe() {
		ChatHealthIndicator indicator = new ChatHealthIndicator(template(), ChatHealthProbe.MODELS, "127.0.0.1",
				Duration.ofSeconds(5), Duration.ofSeconds(30));

		Tuple2<Health, Health> both = Mono
			.zip(indicator.health().subscribeOn(Schedulers.parallel()),
					indicator.health().subscribeOn(Schedulers.parallel()))
			.block();

		assertThat(both.getT1().getStatus()).isEqualTo(Status.UP);
		assertThat(both.getT2()).isEqualTo(both.getT1());
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
	}

	@Test
	void probesAgainOnceTheTimeToLiveHasPassed() {
		VirtualTimeScheduler clock = VirtualTimeScheduler.create();
		ChatHealthIndicator indicator = new ChatHealthIndicator(template(), ChatHealthProbe.MODELS, "127.0.0.1",
				Duration.ofSeconds(5), Duration.ofSeconds(30), clock);

		Health first = indicator.health().block();
		clock.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(indicator.health().block()).isEqualTo(first);
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));

		clock.advanceTimeBy(Duration.ofSeconds(2));
		Health second = indicator.health().block();

		assertThat(second.getStatus()).isEqualTo(Status.UP);
		wireMock.verify(2, getRequestedFor(urlEqualTo("/v1/models")));
	}

	@Test
	void detailsWithoutHostWhenUnknown() {
		ChatHealthIndicator indicator = new ChatHealthIndicator(template(), ChatHealthProbe.NONE, null,
				Duration.ofSeconds(5), Duration.ofSeconds(30));

		assertThat(indicator.health().block().getDetails()).containsOnlyKeys("model", "probe", "cooldown");
	}

}
