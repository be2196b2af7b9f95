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

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.health.ChatHealthContributorAutoConfiguration;
import dev.chatstarter.autoconfigure.observation.ChatMetricsAutoConfiguration;
import dev.chatstarter.autoconfigure.observation.ChatRouteMetrics;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.route.RouteStrategy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat.routes.<name>}: a route bean over the providers' templates, in
 * {@link ChatTemplates}, with its health and meters, and every misconfiguration reported
 * at start-up.
 */
class ChatRouteConfigurationTests {

	private static final String COMPLETION = """
			{"id":"c1","model":"gpt-4.1","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
			 "finish_reason":"stop"}]}""";

	private static final String MODELS = """
			{"object":"list","data":[{"id":"gpt-4.1","object":"model","owned_by":"relay"}]}""";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues("chat.default-provider=aigc",
				"chat.providers.aigc.base-url=http://127.0.0.1:" + wireMock.getPort() + "/aigc/v1",
				"chat.providers.aigc.model=gpt-4o", "chat.providers.aigc.retry.max-attempts=1",
				"chat.providers.aigc.models.smart=gpt-4.1-2025-04-14",
				"chat.providers.lalc.base-url=http://127.0.0.1:" + wireMock.getPort() + "/lalc/v1",
				"chat.providers.lalc.model=gpt-4o", "chat.providers.lalc.retry.max-attempts=1");

	private final ApplicationContextRunner routed = this.runner.withPropertyValues(
			"chat.routes.smart.strategy=round-robin", "chat.routes.smart.deployments[0].provider=aigc",
			"chat.routes.smart.deployments[0].model=smart", "chat.routes.smart.deployments[0].weight=3",
			"chat.routes.smart.deployments[1].provider=lalc", "chat.routes.smart.deployments[1].model=gpt-4.1");

	@Test
	void aRouteIsATemplateBeanAndInTheRegistry() {
		this.routed.run((context) -> {
			assertThat(context).hasNotFailed();
			ChatTemplate smart = context.getBean("smart", ChatTemplate.class);
			assertThat(context.getBean(ChatTemplates.class).get("smart")).isSameAs(smart);
			assertThat(context.getBean(ChatTemplate.class)).isSameAs(context.getBean("aigc"));
			RouteState state = smart.routeState();
			assertThat(state.strategy()).isEqualTo(RouteStrategy.ROUND_ROBIN);
			assertThat(state.deployments()).extracting(RouteState.DeploymentState::name)
				.containsExactly("aigc/smart", "lalc/gpt-4.1");
			assertThat(state.deployments()).extracting(RouteState.DeploymentState::weight).containsExactly(3, 1);
		});
	}

	@Test
	void theDefaultMayBeARoute() {
		this.routed.withPropertyValues("chat.default-provider=smart").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ChatTemplate.class)).isSameAs(context.getBean("smart"));
			assertThat(context.getBean(ChatTemplates.class).getDefault()).isSameAs(context.getBean("smart"));
		});
	}

	@Test
	void aRouteSendsEachProviderItsOwnModelIdAndFailsOver() {
		wireMock.stubFor(post("/aigc/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(post("/lalc/v1/chat/completions").willReturn(okJson(COMPLETION)));
		this.routed.run((context) -> {
			ChatTemplate smart = context.getBean("smart", ChatTemplate.class);

			ChatResponse response = smart.prompt("hi").call().response();

			assertThat(response.deployment()).isEqualTo("lalc/gpt-4.1");
			assertThat(response.provider()).isEqualTo("lalc");
			assertThat(wireMock
				.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
						com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/aigc/v1/chat/completions")))
				.get(0)
				.getBodyAsString()).contains("\"model\":\"gpt-4.1-2025-04-14\"");
		});
	}

	@Test
	void aRouteIsHealthyWhileOneDeploymentIsUp() {
		wireMock.stubFor(get("/aigc/v1/models").willReturn(serviceUnavailable()));
		wireMock.stubFor(get("/lalc/v1/models").willReturn(okJson(MODELS)));
		this.routed
			.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always")
			.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				IndicatedHealthDescriptor smart = (IndicatedHealthDescriptor) endpoint.healthForPath("chat", "smart");

				assertThat(smart.getStatus()).isEqualTo(Status.UP);
				assertThat(smart.getDetails()).containsEntry("strategy", "round-robin");
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> deployments = (Map<String, Map<String, Object>>) smart.getDetails()
					.get("deployments");
				assertThat(deployments.get("aigc/smart")).containsEntry("status", "DOWN")
					.containsEntry("providerStatus", "DOWN")
					.containsEntry("weight", 3);
				assertThat(deployments.get("lalc/gpt-4.1")).containsEntry("status", "UP")
					.containsEntry("serving", true)
					.containsEntry("model", "gpt-4.1");
			});
	}

	@Test
	void aRouteIsDownWhenEveryDeploymentIs() {
		wireMock.stubFor(get("/aigc/v1/models").willReturn(serviceUnavailable()));
		wireMock.stubFor(get("/lalc/v1/models").willReturn(serviceUnavailable()));
		this.routed
			.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.run((context) -> assertThat(
					context.getBean(HealthEndpoint.class).healthForPath("chat", "smart").getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void aRouteOverProvidersThatAreNotProbedIsUpWhileTheyServe() {
		this.routed
			.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withPropertyValues("chat.providers.aigc.health.probe=none", "chat.providers.lalc.health.probe=none")
			.run((context) -> assertThat(
					context.getBean(HealthEndpoint.class).healthForPath("chat", "smart").getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void routeMetersAndFailoversAreTaggedByRouteAndDeployment() {
		wireMock.stubFor(post("/aigc/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(post("/lalc/v1/chat/completions").willReturn(okJson(COMPLETION)));
		this.routed.withConfiguration(AutoConfigurations.of(ChatMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(ChatRouteMetrics.class).bindTo(registry);

				context.getBean("smart", ChatTemplate.class).prompt("hi").call().content();

				assertThat(registry.get("chat.route.deployment.calls")
					.tag("route", "smart")
					.tag("deployment", "lalc/gpt-4.1")
					.tag("provider", "lalc")
					.functionCounter()
					.count()).isEqualTo(1);
				assertThat(registry.get("chat.route.deployment.failures")
					.tag("deployment", "aigc/smart")
					.functionCounter()
					.count()).isEqualTo(1);
				assertThat(
						registry.get("chat.route.deployment.serving").tag("deployment", "lalc/gpt-4.1").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get(ChatRouteMetrics.FAILOVERS)
					.tag("route", "smart")
					.tag("deployment", "aigc/smart")
					.tag(ChatRouteMetrics.FAILOVER_TO, "lalc/gpt-4.1")
					.tag("error.type", "ChatServerException")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aRouteNamingAnUnknownProvider() {
		this.runner.withPropertyValues("chat.routes.smart.deployments[0].provider=azure").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.contains("chat.routes.smart.deployments[0].provider is 'azure' but there is no provider of that name")
				.contains("[aigc, lalc]");
			assertThat(analysis.getAction()).contains("chat.providers.azure");
		});
	}

	@Test
	void aWeightBelowOne() {
		this.runner
			.withPropertyValues("chat.routes.smart.deployments[0].provider=aigc",
					"chat.routes.smart.deployments[0].weight=0")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.routes.smart.deployments[0].weight is 0 but must be at least 1");
				assertThat(analysis.getAction()).contains("Set chat.routes.smart.deployments[0].weight to 1 or more");
			});
	}

	@Test
	void deploymentLimitsAreCheckedAndReachTheRoute() {
		this.runner
			.withPropertyValues("chat.routes.smart.deployments[0].provider=aigc",
					"chat.routes.smart.deployments[0].limits.requests-per-minute=-1",
					"chat.routes.smart.deployments[0].limits.max-wait=-1s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"chat.routes.smart.deployments[0].limits.requests-per-minute is -1 but must not be negative")
					.contains("chat.routes.smart.deployments[0].limits.max-wait");
			});
		this.runner
			.withPropertyValues("chat.routes.smart.deployments[0].provider=aigc",
					"chat.routes.smart.deployments[0].limits.max-concurrent-requests=4")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aRouteWithoutDeploymentsOrWithTwinsOrAProvidersName() {
		this.runner
			.withPropertyValues("chat.routes.empty.strategy=least-busy",
					"chat.routes.aigc.deployments[0].provider=aigc", "chat.routes.twins.deployments[0].provider=lalc",
					"chat.routes.twins.deployments[1].provider=lalc", "chat.routes.twins.fallback=nowhere")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("The route 'empty' has no deployments")
					.contains("The route 'aigc' has the name of a provider")
					.contains("Two deployments of the route are named 'lalc'")
					.contains("chat.routes.twins.fallback names 'nowhere'");
			});
	}

	@Test
	void anUnknownStrategyNamesTheValues() {
		this.runner
			.withPropertyValues("chat.routes.smart.strategy=fastest", "chat.routes.smart.deployments[0].provider=aigc")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("chat.routes.smart.strategy").contains("fastest");
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

}
