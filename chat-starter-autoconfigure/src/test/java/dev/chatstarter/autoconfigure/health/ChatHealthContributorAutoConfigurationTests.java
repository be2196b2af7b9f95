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

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code chat} health contributor through the health endpoint, against WireMock.
 */
class ChatHealthContributorAutoConfigurationTests {

	static final String API_KEY = "sk-kuai-Zx9Qw8Er7Ty6Ui5Op4As3Df2";

	static final String MODELS = """
			{"object":"list","data":[{"id":"gpt-4o","object":"model","owned_by":"openai"},
			 {"id":"gpt-4o-mini","object":"model","owned_by":"openai"}]}""";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ChatAutoConfiguration.class, ChatHealthContributorAutoConfiguration.class,
						HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
						HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:" + wireMock.getPort() + "/v1",
				"chat.providers.kuai.api-key=" + API_KEY, "chat.providers.kuai.model=gpt-4o",
				"management.endpoint.health.show-details=always");

	private static IndicatedHealthDescriptor health(HealthEndpoint endpoint, String provider) {
		HealthDescriptor descriptor = endpoint.healthForPath("chat", provider);
		assertThat(descriptor).isInstanceOf(IndicatedHealthDescriptor.class);
		return (IndicatedHealthDescriptor) descriptor;
	}

	@Test
	void upWithHostModelProbeAndLatency() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson(MODELS)));
		this.runner.run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("host", "127.0.0.1")
				.containsEntry("model", "gpt-4o")
				.containsEntry("probe", "models")
				.containsEntry("models", 2)
				.containsKey("latency");
			assertThat(health.getDetails().get("latency").toString()).endsWith("ms");
			assertThat(health.getDetails().toString()).doesNotContain(API_KEY).doesNotContain("http://");
		});
	}

	/**
	 * C5: a password in the base URL's user info and a key in its query never show in the
	 * health details, even where the failure message names the URL.
	 */
	@Test
	void credentialsInTheBaseUrlNeverShowInTheDetails() {
		this.runner
			.withPropertyValues("chat.default-provider=kuai",
					"chat.providers.down.base-url=http://admin:URLPASSWORD123@127.0.0.1:1/v1?key=QUERYSECRET123")
			.run((context) -> {
				IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "down");

				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("host", "127.0.0.1").containsKey("error");
				assertThat(health.getDetails().toString()).doesNotContain("URLPASSWORD123", "QUERYSECRET123", "admin");
				assertThat(health.getDetails().get("error").toString())
					.hasSizeLessThanOrEqualTo(HealthErrorText.MAX_LENGTH + 1);
			});
	}

	@Test
	void compositeNamedChatWithOneEntryPerProvider() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson(MODELS)));
		this.runner
			.withPropertyValues("chat.default-provider=kuai",
					"chat.providers.aigc.base-url=http://127.0.0.1:" + wireMock.getPort() + "/v1",
					"chat.providers.aigc.health.probe=none")
			.run((context) -> {
				HealthDescriptor chat = context.getBean(HealthEndpoint.class).healthForPath("chat");
				assertThat(chat).isInstanceOf(CompositeHealthDescriptor.class);
				Map<String, HealthDescriptor> components = ((CompositeHealthDescriptor) chat).getComponents();
				assertThat(components).containsOnlyKeys("kuai", "aigc");
				assertThat(components.get("kuai").getStatus()).isEqualTo(Status.UP);
				assertThat(components.get("aigc").getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(chat.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void authenticationFailureIsDownWithTheProvidersMessageAndNeverTheKey() {
		wireMock.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY
					+ ". You can find your API key at https://platform.openai.com/account/api-keys?ref=x.\","
					+ "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
		this.runner.run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("httpStatus", 401).containsEntry("probe", "models");
			assertThat(health.getDetails().get("error").toString()).contains("Incorrect API key provided")
				.contains("authentication failed")
				.doesNotContain("?ref=x");
			assertThat(health.getDetails().toString()).doesNotContain(API_KEY);
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
		});
	}

	@Test
	void quotaFailureIsDownWithTheProvidersMessage() {
		wireMock.stubFor(get("/v1/models").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"用户额度不足, 剩余额度: $0.000000\",\"type\":\"new_api_error\","
					+ "\"code\":\"insufficient_user_quota\"}}")));
		this.runner.run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error").toString()).contains("用户额度不足");
		});
	}

	@Test
	void serverErrorIsDownWithTheStatusAndIsNotRetried() {
		wireMock
			.stubFor(get("/v1/models").willReturn(serviceUnavailable().withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"upstream overloaded\"}}")));
		this.runner.run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("httpStatus", 503);
			assertThat(health.getDetails().get("error").toString()).contains("upstream overloaded");
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
		});
	}

	@Test
	void timeoutIsDownWithTheReason() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson(MODELS).withFixedDelay(5_000)));
		this.runner.withPropertyValues("chat.health.timeout=200ms").run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "no answer within 200 ms (chat.health.timeout)")
				.doesNotContainKey("httpStatus");
		});
	}

	@Test
	void resultIsCachedSoTwoChecksMakeOneRequest() {
		wireMock.stubFor(get("/v1/models").willReturn(okJson(MODELS)));
		this.runner.run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);

			assertThat(health(endpoint, "kuai").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);

			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
		});
	}

	@Test
	void noneProbeNeverCallsTheProvider() {
		this.runner.withPropertyValues("chat.providers.kuai.health.probe=none").run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("probe", "none").doesNotContainKey("latency");
			assertThat(wireMock.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void chatProbeSendsAOneTokenCompletionWithoutTools() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(
				okJson("""
						{"id":"c1","model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"p"},
						 "finish_reason":"length"}],"usage":{"prompt_tokens":8,"completion_tokens":1,"total_tokens":9}}""")));
		this.runner.withPropertyValues("chat.providers.kuai.health.probe=chat").run((context) -> {
			IndicatedHealthDescriptor health = health(context.getBean(HealthEndpoint.class), "kuai");

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("probe", "chat")
				.containsEntry("responseModel", "gpt-4o-2024-08-06");
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
					{"model":"gpt-4o","max_tokens":1,"messages":[{"role":"user","content":"ping"}]}""", false, false)));
			assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("tools");
		});
	}

	@Test
	void disabledWithManagementHealthChatEnabledFalse() {
		this.runner.withPropertyValues("management.health.chat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("chatHealthContributor"));
	}

	@Test
	void noContributorWithoutSpringBootHealth() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ChatAutoConfiguration.class, ChatHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health."))
			.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:1/v1")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("chatHealthContributor"));
	}

	@Test
	void noContributorWithoutProviders() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ChatAutoConfiguration.class, ChatHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("chatHealthContributor"));
	}

}
