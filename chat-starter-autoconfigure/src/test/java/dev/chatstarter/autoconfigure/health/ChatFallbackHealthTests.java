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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.resilience.CooldownState;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health of a provider with a fallback (trial 4): {@code fast} falls back to
 * {@code smart}. A provider that is down or cooling down while its fallback answers does
 * not turn the application {@code DOWN}; the chat component is in neither the liveness
 * nor the readiness group, and a warning says so when the application adds it to
 * liveness.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatFallbackHealthTests {

	private static final String COMPLETION = """
			{"id":"c1","model":"smart-model","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
			 "finish_reason":"stop"}]}""";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ChatAutoConfiguration.class, ChatHealthContributorAutoConfiguration.class,
						HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
						HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withPropertyValues("chat.default-provider=fast",
				"chat.providers.fast.base-url=http://127.0.0.1:" + wireMock.getPort() + "/fast/v1",
				"chat.providers.fast.model=fast-model", "chat.providers.fast.fallback=smart",
				"chat.providers.fast.retry.max-attempts=1",
				"chat.providers.smart.base-url=http://127.0.0.1:" + wireMock.getPort() + "/smart/v1",
				"chat.providers.smart.model=smart-model", "management.endpoint.health.show-details=always");

	private static IndicatedHealthDescriptor health(HealthEndpoint endpoint, String provider) {
		HealthDescriptor descriptor = endpoint.healthForPath("chat", provider);
		assertThat(descriptor).isInstanceOf(IndicatedHealthDescriptor.class);
		return (IndicatedHealthDescriptor) descriptor;
	}

	@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void aDownProviderWhoseFallbackIsUpIsReportedUpAndDegraded() {
		wireMock.stubFor(get("/fast/v1/models").willReturn(serviceUnavailable()));
		wireMock
			.stubFor(get("/smart/v1/models").willReturn(okJson(ChatHealthContributorAutoConfigurationTests.MODELS)));
		this.runner.run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			IndicatedHealthDescriptor fast = health(endpoint, "fast");

			assertThat(fast.getStatus()).isEqualTo(Status.UP);
			assertThat(fast.getDetails()).containsEntry("providerStatus", "DOWN")
				.containsEntry("degraded", true)
				.containsEntry("answeredBy", "smart")
				.containsEntry("httpStatus", 503)
				.containsKey("error");
			assertThat(health(endpoint, "smart").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void aCoolingDownProviderWhoseFallbackAnswersDoesNotTurnTheApplicationDown() {
		wireMock.stubFor(post("/fast/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(get("/fast/v1/models").willReturn(okJson(ChatHealthContributorAutoConfigurationTests.MODELS)));
		wireMock.stubFor(post("/smart/v1/chat/completions").willReturn(okJson(COMPLETION)));
		wireMock
			.stubFor(get("/smart/v1/models").willReturn(okJson(ChatHealthContributorAutoConfigurationTests.MODELS)));
		this.runner.withPropertyValues("chat.providers.fast.cooldown.failures=1").run((context) -> {
			ChatTemplate fast = context.getBean("fast", ChatTemplate.class);
			assertThat(fast.prompt("hi").call().content()).isEqualTo("hi");
			assertThat(fast.cooldownState()).isEqualTo(CooldownState.OPEN);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);

			IndicatedHealthDescriptor health = health(endpoint, "fast");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("cooldown", "open")
				.containsEntry("degraded", true)
				.containsEntry("answeredBy", "smart");
			assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void aDownProviderWhoseFallbacksAreDownTooIsDown() {
		wireMock.stubFor(get("/fast/v1/models").willReturn(serviceUnavailable()));
		wireMock.stubFor(get("/smart/v1/models").willReturn(serviceUnavailable()));
		this.runner.run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			IndicatedHealthDescriptor fast = health(endpoint, "fast");

			assertThat(fast.getStatus()).isEqualTo(Status.DOWN);
			assertThat(fast.getDetails()).containsKey("fallback").doesNotContainKey("degraded");
			assertThat(endpoint.health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void chatInTheLivenessGroupIsWarnedAbout(CapturedOutput output) {
		this.runner.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,chat")
			.run((context) -> assertThat(output)
				.contains("management.endpoint.health.group.liveness.include includes the chat health contributor"));
	}

	@Test
	void chatOutsideTheLivenessGroupIsNotWarnedAbout(CapturedOutput output) {
		this.runner.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,db")
			.run((context) -> assertThat(output).doesNotContain("includes the chat health contributor"));
	}

	@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void chatIsInNeitherTheLivenessNorTheReadinessGroup() {
		wireMock.stubFor(get("/fast/v1/models").willReturn(serviceUnavailable()));
		wireMock.stubFor(get("/smart/v1/models").willReturn(serviceUnavailable()));
		this.runner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				// what SpringApplication.run publishes once the application has started
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("chat")).isFalse();
				assertThat(groups.get("readiness").isMember("chat")).isFalse();
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
				assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
			});
	}

}
