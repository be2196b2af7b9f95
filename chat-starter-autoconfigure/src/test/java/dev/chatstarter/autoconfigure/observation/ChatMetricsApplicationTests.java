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

package dev.chatstarter.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatTemplateCustomizer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.tool.ChatTool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The metrics of a provider's calls, read from a {@link SimpleMeterRegistry} after real
 * calls against WireMock: blocking, streaming, failing, retried and tool calls.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatMetricsApplicationTests {

	static final String API_KEY = "sk-kuai-Zx9Qw8Er7Ty6Ui5Op4As3Df2";

	static final String ANSWER = """
			{"id":"chatcmpl-9","model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant",
			 "content":"你好！"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}""";

	static final String STREAM = """
			data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" there"},"finish_reason":null}],"usage":null}

			data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

			data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

			data: [DONE]

			""";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, ChatObservationAutoConfiguration.class,
				ChatMetricsAutoConfiguration.class))
		.withUserConfiguration(MeterRegistryConfiguration.class)
		.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:" + wireMock.getPort() + "/v1",
				"chat.providers.kuai.api-key=" + API_KEY, "chat.providers.kuai.model=gpt-4o",
				"chat.providers.kuai.retry.initial-backoff=1ms", "chat.providers.kuai.retry.max-backoff=2ms");

	private static Timer duration(MeterRegistry registry, String errorType) {
		return registry.get("gen_ai.client.operation.duration")
			.tag("gen_ai.provider.name", "kuai")
			.tag("gen_ai.operation.name", "chat")
			.tag("error.type", errorType)
			.timer();
	}

	private static DistributionSummary tokens(MeterRegistry registry, String type) {
		return registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", type).summary();
	}

	private static double totalTokens(MeterRegistry registry, String type) {
		return registry.find("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", type)
			.summaries()
			.stream()
			.mapToDouble(DistributionSummary::totalAmount)
			.sum();
	}

	@Test
	void blockingCall() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			context.getBean(ChatTemplate.class).prompt("你好").call().content();
			context.getBean(ChatTemplate.class).prompt("再来").call().content();

			Timer timer = duration(registry, "none");
			assertThat(timer.count()).isEqualTo(2);
			assertThat(timer.getId().getTag("gen_ai.request.model")).isEqualTo("gpt-4o");
			assertThat(timer.getId().getTag("gen_ai.response.model")).as("named by the provider: spans only").isNull();
			assertThat(timer.getId().getTag("server.address")).isEqualTo("127.0.0.1");
			assertThat(timer.getId().getTag("server.port")).isEqualTo(String.valueOf(wireMock.getPort()));
			DistributionSummary input = tokens(registry, "input");
			assertThat(input.count()).isEqualTo(2);
			assertThat(input.totalAmount()).isEqualTo(24);
			assertThat(input.getId().getTag("gen_ai.provider.name")).isEqualTo("kuai");
			assertThat(input.getId().getTag("gen_ai.response.model")).isNull();
			assertThat(tokens(registry, "output").totalAmount()).isEqualTo(6);
			assertThat(registry.find("gen_ai.client.operation.time_to_first_chunk").meters()).isEmpty();
			assertThat(registry.getMeters()).allSatisfy(
					(meter) -> assertThat(meter.getId().toString()).doesNotContain(API_KEY).doesNotContain("你好"));
		});
	}

	@Test
	void durationTimerComesWithMicrometersErrorTagAndActiveTimer() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			context.getBean(ChatTemplate.class).prompt("hi").call().content();

			assertThat(duration(registry, "none").getId().getTag("error")).isEqualTo("none");
			assertThat(registry.get("gen_ai.client.operation.duration.active").longTaskTimer().activeTasks()).isZero();
		});
	}

	@Test
	void observationsSwitchedOffWithManagementObservationsEnable() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.withPropertyValues("management.observations.enable.[gen_ai]=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			context.getBean(ChatTemplate.class).prompt("hi").call().content();

			assertThat(registry.find("gen_ai.client.operation.duration").meters()).isEmpty();
			assertThat(registry.find("gen_ai.client.token.usage").meters()).isEmpty();
		});
	}

	@Test
	void metricsSwitchedOffWithManagementMetricsEnable() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.withPropertyValues("management.metrics.enable.[gen_ai]=false")
			.withUserConfiguration(SpanRecorderConfiguration.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);

				context.getBean(ChatTemplate.class).prompt("hi").call().content();

				assertThat(registry.find("gen_ai.client.operation.duration").timers()).isEmpty();
				assertThat(registry.find("gen_ai.client.token.usage").summaries()).isEmpty();
				assertThat(context.getBean(SpanRecorder.class).names).containsExactly("chat gpt-4o");
			});
	}

	@Test
	void streamWithUsageInTheLastChunk() {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			assertThat(context.getBean(ChatTemplate.class).prompt("hi").stream().content().collectList().block())
				.containsExactly("Hi", " there");

			assertThat(duration(registry, "none").count()).isEqualTo(1);
			assertThat(tokens(registry, "input").totalAmount()).isEqualTo(9);
			assertThat(tokens(registry, "output").totalAmount()).isEqualTo(2);
			Timer firstChunk = registry.get("gen_ai.client.operation.time_to_first_chunk").timer();
			assertThat(firstChunk.count()).isEqualTo(1);
			assertThat(firstChunk.getId().getTag("gen_ai.response.model")).isNull();
			Timer perChunk = registry.get("gen_ai.client.operation.time_per_output_chunk").timer();
			assertThat(perChunk.count()).as("4 chunks with a choice, 3 gaps").isEqualTo(3);
			assertThat(perChunk.getId().getTag("gen_ai.provider.name")).isEqualTo("kuai");
			assertThat(perChunk.getId().getTag("gen_ai.request.model")).isEqualTo("gpt-4o");
			assertThat(perChunk.getId().getTag("error.type")).isNull();
		});
	}

	@Test
	void failedCallIsTaggedWithTheErrorType() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			assertThatExceptionOfType(ChatAuthenticationException.class)
				.isThrownBy(() -> context.getBean(ChatTemplate.class).prompt("hi").call().content());

			assertThat(duration(registry, "ChatAuthenticationException").count()).isEqualTo(1);
			assertThat(registry.find("gen_ai.client.operation.duration").tag("error.type", "none").timers()).isEmpty();
			assertThat(registry.find("gen_ai.client.token.usage").meters()).isEmpty();
			assertThat(registry.find("gen_ai.client.operation.retries").meters()).as("401 is never retried").isEmpty();
		});
	}

	@Test
	void retriesAreCounted() {
		wireMock.stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs(STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("second"));
		wireMock.stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs("second")
			.willReturn(serviceUnavailable())
			.willSetStateTo("third"));
		wireMock.stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs("third")
			.willReturn(okJson(ANSWER)));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content()).isEqualTo("你好！");

			assertThat(registry.get("gen_ai.client.operation.retries")
				.tag("gen_ai.provider.name", "kuai")
				.tag("error.type", "ChatServerException")
				.counter()
				.count()).isEqualTo(2);
			assertThat(duration(registry, "none").count()).as("one observed call across its attempts").isEqualTo(1);
		});
	}

	@Test
	void fallbacksAreCounted() {
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("main-model"))
			.willReturn(serviceUnavailable()));
		wireMock.stubFor(
				post("/v1/chat/completions").withRequestBody(containing("spare-model")).willReturn(okJson(ANSWER)));
		String spare = "http://127.0.0.1:" + wireMock.getPort() + "/v1";
		this.runner
			.withPropertyValues("chat.default-provider=kuai", "chat.providers.kuai.model=main-model",
					"chat.providers.kuai.retry.max-attempts=1", "chat.providers.kuai.fallback=spare",
					"chat.providers.spare.base-url=" + spare, "chat.providers.spare.model=spare-model")
			.withBean(ChatTemplateCustomizer.class,
					() -> (provider, builder) -> builder.fallbackListener((from, to, failure) -> {
					}).retryListener((name, failure) -> {
					}))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);

				assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content()).isEqualTo("你好！");

				assertThat(registry.get("gen_ai.client.operation.fallbacks")
					.tag("gen_ai.provider.name", "kuai")
					.tag("chat.fallback.to", "spare")
					.tag("error.type", "ChatServerException")
					.counter()
					.count()).as("counted although a customizer added listeners of its own").isEqualTo(1);
			});
	}

	@Test
	void toolCallRoundTrip() {
		String toolCall = "{\"id\":\"r1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
				+ "\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
				+ "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"北京\\\"}\"}},{\"id\":\"call_2\",\"type\":\"function\","
				+ "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Atlantis\\\"}\"}}]},"
				+ "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7,\"total_tokens\":27}}";
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(okJson(toolCall)));
		wireMock.stubFor(
				post("/v1/chat/completions").withRequestBody(containing("tool_call_id")).willReturn(okJson(ANSWER)));
		this.runner.withUserConfiguration(WeatherToolConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);

			assertThat(context.getBean(ChatTemplate.class)
				.prompt("北京和Atlantis的天气")
				.toolsFrom(context.getBean(WeatherTool.class))
				.call()
				.content()).isEqualTo("你好！");

			Timer succeeded = registry.get("gen_ai.execute_tool.duration")
				.tag("gen_ai.tool.name", "get_weather")
				.tag("gen_ai.provider.name", "kuai")
				.tag("gen_ai.operation.name", "execute_tool")
				.tag("error.type", "none")
				.timer();
			assertThat(succeeded.count()).isEqualTo(1);
			assertThat(registry.get("gen_ai.execute_tool.duration")
				.tag("error.type", "IllegalArgumentException")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.find("gen_ai.client.operation.duration")
				.tag("gen_ai.operation.name", "chat")
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum()).as("two rounds").isEqualTo(2);
			assertThat(totalTokens(registry, "input")).as("both rounds").isEqualTo(32);
			assertThat(totalTokens(registry, "output")).isEqualTo(10);
		});
	}

	/**
	 * C10: 200 calls, each asking for a model of the user's choice and answered by a
	 * model name the provider made up, create a bounded number of meters: the response
	 * model is no tag, the request model has at most 100 values per provider, then
	 * {@code _OTHER}.
	 */
	@Test
	void modelsChosenByUsersAndNamedByTheProviderKeepTheMetersBounded() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"id":"chatcmpl-9","model":"{{jsonPath request.body '$.model'}}-{{randomValue length=8 type='ALPHANUMERIC'}}",
							 "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
							 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")
			.withTransformers("response-template")));
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			ChatTemplate template = context.getBean(ChatTemplate.class);
			java.util.Set<String> responseModels = new java.util.HashSet<>();
			for (int i = 0; i < 200; i++) {
				String model = "user-model-" + i;
				responseModels.add(template.prompt("hi").options((o) -> o.model(model)).call().response().model());
			}
			assertThat(responseModels).as("the provider named 200 models").hasSize(200);
			List<Timer> timers = List.copyOf(registry.find("gen_ai.client.operation.duration").timers());
			assertThat(timers).hasSize(101);
			assertThat(timers).extracting((timer) -> timer.getId().getTag("gen_ai.request.model"))
				.contains("user-model-0", "user-model-99", "_OTHER")
				.doesNotContain("user-model-100", "user-model-199");
			assertThat(timers)
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("gen_ai.response.model")).isNull());
			assertThat(registry.find("gen_ai.client.token.usage").meters()).as("input and output").hasSize(202);
			assertThat(registry.get("gen_ai.client.operation.duration")
				.tag("gen_ai.request.model", "_OTHER")
				.timer()
				.count()).isEqualTo(100);
		});
	}

	@Test
	void tracingHandlersSeeTheContextualNames() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.withUserConfiguration(SpanRecorderConfiguration.class).run((context) -> {
			context.getBean(ChatTemplate.class).prompt("hi").call().content();

			SpanRecorder spans = context.getBean(SpanRecorder.class);
			assertThat(spans.names).containsExactly("chat gpt-4o");
			assertThat(spans.highCardinality)
				.anySatisfy((value) -> assertThat(value).isEqualTo("gen_ai.response.id=chatcmpl-9"));
		});
	}

	@Test
	void userConventionBeanIsApplied() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.withBean(dev.chatstarter.core.observation.ChatObservationConvention.class,
				() -> new dev.chatstarter.core.observation.DefaultChatObservationConvention() {

					@Override
					public String getName() {
						return "llm.calls";
					}

				})
			.run((context) -> {
				context.getBean(ChatTemplate.class).prompt("hi").call().content();

				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("llm.calls").tag("gen_ai.provider.name", "kuai").timer().count()).isEqualTo(1);
				assertThat(registry.find("gen_ai.client.operation.duration").meters()).isEmpty();
			});
	}

	@Test
	void promptAndCompletionLoggingIsOptInAndWarns(CapturedOutput output) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(ANSWER)));
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(ChatObservationLoggingHandler.class);
			context.getBean(ChatTemplate.class).prompt("秘密的问题").call().content();
			assertThat(output).doesNotContain("秘密的问题");
		});
		this.runner.withPropertyValues("chat.observations.log-prompts=true", "chat.observations.log-completions=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatObservationLoggingHandler.class);
				assertThat(output).contains("chat.observations.log-prompts is true")
					.contains("chat.observations.log-completions is true");

				context.getBean(ChatTemplate.class).prompt("第二个秘密").call().content();

				assertThat(output).contains("Chat prompt to provider 'kuai' (gpt-4o):")
					.contains("user: 第二个秘密")
					.contains("Chat completion from provider 'kuai' (gpt-4o-2024-08-06): 你好！")
					.doesNotContain(API_KEY);
			});
	}

	@Test
	void streamedCompletionsAreLoggedWhole(CapturedOutput output) {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(STREAM)));
		this.runner.withPropertyValues("chat.observations.log-completions=true").run((context) -> {
			context.getBean(ChatTemplate.class).prompt("hi").stream().content().blockLast();

			assertThat(output).contains("Chat completion from provider 'kuai' (gpt-4o-mini): Hi there")
				.doesNotContain("Chat prompt to provider");
		});
	}

	@Test
	void withoutRegistriesNothingIsObserved() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class,
					ChatObservationAutoConfiguration.class, ChatMetricsAutoConfiguration.class))
			.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:1/v1")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatObservationTemplateCustomizer.class)
				.doesNotHaveBean(ChatMetricsObservationHandler.class)
				.doesNotHaveBean(ChatRetryMetrics.class)
				.hasSingleBean(ChatTemplate.class));
	}

	@Test
	void withoutMicrometerCoreTheTemplatesAreStillObserved() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, ObservationAutoConfiguration.class,
					ChatObservationAutoConfiguration.class, ChatMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core."))
			.withPropertyValues("chat.providers.kuai.base-url=http://127.0.0.1:1/v1")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChatObservationTemplateCustomizer.class)
				.doesNotHaveBean(ChatRetryMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WeatherToolConfiguration {

		@Bean
		WeatherTool weatherTool() {
			return new WeatherTool();
		}

	}

	static class WeatherTool {

		@ChatTool(name = "get_weather", description = "The weather of a city")
		String weather(String city) {
			if (city.equals("Atlantis")) {
				throw new IllegalArgumentException("No such city: " + city);
			}
			return "{\"city\":\"" + city + "\",\"celsius\":21}";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpanRecorderConfiguration {

		@Bean
		SpanRecorder spanRecorder() {
			return new SpanRecorder();
		}

	}

	/**
	 * Sees what a tracing handler sees: the contextual name (the span name) and the
	 * high-cardinality values.
	 */
	static class SpanRecorder implements ObservationHandler<Observation.Context> {

		final List<String> names = new CopyOnWriteArrayList<>();

		final List<String> highCardinality = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.names.add(context.getContextualName());
			context.getHighCardinalityKeyValues()
				.forEach((keyValue) -> this.highCardinality.add(keyValue.getKey() + "=" + keyValue.getValue()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof dev.chatstarter.core.observation.ChatObservationContext;
		}

	}

}
