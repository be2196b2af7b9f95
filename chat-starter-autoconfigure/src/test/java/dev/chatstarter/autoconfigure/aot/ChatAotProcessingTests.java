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

package dev.chatstarter.autoconfigure.aot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import reactor.test.StepVerifier;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.autoconfigure.InvalidChatConfigurationException;
import dev.chatstarter.autoconfigure.health.ChatHealthContributorAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring AOT on the JVM: the context is processed ahead of time with two providers
 * configured, the generated code is compiled and a fresh context is started from it,
 * which then calls, streams, runs a tool and reads structured output against a fake
 * provider. What AOT fixes at build time (the provider names) fails the startup with the
 * starter's message when it changes; what it does not (URLs, keys, the default provider)
 * is read at run time.
 */
@CompileWithForkedClassLoader
class ChatAotProcessingTests {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	/**
	 * The initializers generated for each build-time configuration: processing and
	 * compiling take seconds.
	 */
	private static final Map<Map<String, Object>, ApplicationContextInitializer<GenericApplicationContext>> INITIALIZERS = new ConcurrentHashMap<>();

	private static FakeChatServer fast;

	private static FakeChatServer smart;

	@BeforeAll
	static void startProviders() {
		fast = new FakeChatServer().start();
		smart = new FakeChatServer().start();
	}

	@AfterAll
	static void stopProviders() {
		fast.close();
		smart.close();
	}

	@BeforeEach
	void resetProviders() {
		fast.reset();
		smart.reset();
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void aotGeneratedContextCallsStreamsAndRunsToolsWithRunTimeUrlsAndKeys() {
		Map<String, Object> buildTime = providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "sk-build");
		Map<String, Object> runTime = providers(fast.baseUrl(), smart.baseUrl(), "sk-run");
		runAotProcessed(buildTime, runTime, (context) -> {
			assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("fast", "smart");
			assertThat(context.getBean(ChatTemplates.class).names()).containsExactlyInAnyOrder("fast", "smart");
			assertThat(context.getBean("chatHealthContributor")).isInstanceOf(ReactiveHealthContributor.class);

			fast.enqueue(FakeResponse.text("hello from fast"));
			assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content()).isEqualTo("hello from fast");
			assertThat(fast.takeRequest().bearerToken()).isEqualTo("sk-run");

			fast.enqueue(FakeResponse.stream("one ", "two"));
			StepVerifier.create(context.getBean("fast", ChatTemplate.class).prompt("count").stream().content())
				.expectNext("one ", "two")
				.expectComplete()
				.verify(DEADLINE);

			smart.enqueue(
					FakeResponse.toolCall("lookup_order", "{\"query\":{\"orderId\":\"o-1\",\"channel\":\"web\"}}"),
					FakeResponse.text("o-1 ships on Christmas Eve"));
			assertThat(context.getBean("smart", ChatTemplate.class).prompt("where is o-1?").call().content())
				.isEqualTo("o-1 ships on Christmas Eve");
			smart.takeRequest();
			RecordedRequest second = smart.takeRequest();
			assertThat(second.body()).contains("SHIPPED")
				.contains("2026-12-24")
				.contains("\\\"channel\\\":\\\"web\\\"");

			fast.enqueue(FakeResponse.json(Map.of("order_id", "o-1", "status", "SHIPPED", "items", List.of("book"))));
			assertThat(context.getBean("fast", ChatTemplate.class)
				.prompt("summarize o-1")
				.call()
				.entity(OrderSummary.class))
				.isEqualTo(new OrderSummary("o-1", OrderTools.Status.SHIPPED, List.of("book")));
		});
	}

	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void aRouteOfAnAotGeneratedContextSpreadsCallsOverItsDeployments() {
		Map<String, Object> runTime = routed(providers(fast.baseUrl(), smart.baseUrl(), "sk-run"));
		runAotProcessed(routed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k")), runTime,
				(context) -> {
					ChatTemplate both = context.getBean("both", ChatTemplate.class);
					assertThat(context.getBean(ChatTemplates.class).get("both")).isSameAs(both);
					fast.enqueue(FakeResponse.text("from fast"));
					smart.enqueue(FakeResponse.text("from smart"));

					assertThat(List.of(both.prompt("hi").call().content(), both.prompt("hi").call().content()))
						.containsExactly("from fast", "from smart");
				});
	}

	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void otherRouteNamesAtRunTimeFailTheStartupSayingSo() {
		Map<String, Object> runTime = providers(fast.baseUrl(), smart.baseUrl(), "sk-run");
		runTime.put("chat.routes.other.deployments[0].provider", "fast");
		assertThatExceptionOfType(InvalidChatConfigurationException.class)
			.isThrownBy(() -> runAotProcessed(routed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k")),
					runTime, (context) -> {
					}))
			.withMessageContaining("AOT-processed with chat.routes [both] but runs with [other]");
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void runTimeDefaultProviderIsThePrimaryTemplate() {
		Map<String, Object> runTime = providers(fast.baseUrl(), smart.baseUrl(), "sk-run");
		runTime.put("chat.default-provider", "smart");
		runAotProcessed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k"), runTime, (context) -> {
			smart.enqueue(FakeResponse.text("from smart"));
			assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content()).isEqualTo("from smart");
			assertThat(context.getBean(ChatTemplates.class).getDefault()).isSameAs(context.getBean("smart"));
		});
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void otherProviderNamesAtRunTimeFailTheStartupSayingSo() {
		Map<String, Object> runTime = new LinkedHashMap<>();
		runTime.put("chat.providers.fast.base-url", fast.baseUrl());
		runTime.put("chat.providers.other.base-url", smart.baseUrl());
		assertThatExceptionOfType(InvalidChatConfigurationException.class)
			.isThrownBy(() -> runAotProcessed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k"), runTime,
					(context) -> {
					}))
			.withMessageContaining(
					"AOT-processed with chat.providers [fast, smart] but runs with chat.providers " + "[fast, other]");
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void anUnknownToolNameAtRunTimeStillFailsTheStartup() {
		Map<String, Object> runTime = providers(fast.baseUrl(), smart.baseUrl(), "k");
		runTime.put("chat.providers.smart.tools", "lookup_ordr");
		assertThatException()
			.isThrownBy(() -> runAotProcessed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k"), runTime,
					(context) -> {
					}))
			.satisfies((failure) -> assertThat(failure)
				.hasStackTraceContaining("chat.providers.smart.tools names [lookup_ordr]"));
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void chatDisabledAtRunTimeOfAContextProcessedWithItFailsTheStartupSayingSo() {
		Map<String, Object> runTime = providers(fast.baseUrl(), smart.baseUrl(), "k");
		runTime.put("chat.enabled", "false");
		assertThatExceptionOfType(InvalidChatConfigurationException.class)
			.isThrownBy(() -> runAotProcessed(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k"), runTime,
					(context) -> {
					}))
			.withMessageContaining("AOT-processed with chat.enabled=true but runs with chat.enabled=false");
	}

	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void providersAtRunTimeOfAContextProcessedWithoutProvidersFailTheStartupSayingSo() {
		assertThatExceptionOfType(InvalidChatConfigurationException.class)
			.isThrownBy(() -> runAotProcessed(Map.of(), providers(fast.baseUrl(), smart.baseUrl(), "k"), (context) -> {
			}))
			.withMessageContaining("AOT-processed with no chat.providers but runs with chat.providers [fast, smart]");
	}

	@Test
	void aotProcessingRegistersTheReflectionHintsOfToolBeansAndTheirTypes() throws Exception {
		RuntimeHints hints = process(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "k"))
			.generationContext()
			.getRuntimeHints();
		ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();
		assertThat(reflection.onType(OrderTools.class)).accepts(hints);
		assertThat(reflection.onMethodInvocation(OrderTools.class, "lookup")).accepts(hints);
		assertThat(reflection.onType(OrderTools.OrderQuery.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(reflection.onMethodInvocation(OrderTools.OrderQuery.class, "orderId")).accepts(hints);
		assertThat(reflection.onMethodInvocation(OrderTools.OrderInfo.class, "eta")).accepts(hints);
		assertThat(reflection.onFieldAccess(OrderTools.Channel.class.getField("WEB"))).accepts(hints);
		assertThat(reflection.onMethodInvocation(OrderSummary.class, "orderId")).accepts(hints);
		// what the registrar binds at run time: Spring Boot's hints for the
		// @ConfigurationProperties type
		assertThat(reflection.onMethodInvocation(ChatProperties.Provider.class, "setBaseUrl")).accepts(hints);
		assertThat(reflection.onMethodInvocation(ChatProperties.Retry.class, "setMaxAttempts")).accepts(hints);
		assertThat(reflection.onType(OrderTools.Status.class)
			.withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_PUBLIC_METHODS))
			.accepts(hints);
	}

	private static Map<String, Object> providers(String fastUrl, String smartUrl, String key) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.providers.fast.base-url", fastUrl);
		properties.put("chat.providers.fast.api-key", key);
		properties.put("chat.providers.smart.base-url", smartUrl);
		properties.put("chat.providers.smart.tools", "lookup_order");
		properties.put("chat.default-provider", "fast");
		return properties;
	}

	private static Map<String, Object> routed(Map<String, Object> properties) {
		properties.put("chat.routes.both.strategy", "round-robin");
		properties.put("chat.routes.both.deployments[0].provider", "fast");
		properties.put("chat.routes.both.deployments[1].provider", "smart");
		return properties;
	}

	/**
	 * Process an application ahead of time with the build-time properties, compile the
	 * generated code (once per build-time configuration), start a context from it with
	 * the run-time properties and hand it to the assertions.
	 */
	private static void runAotProcessed(Map<String, Object> buildTime, Map<String, Object> runTime,
			Consumer<GenericApplicationContext> assertions) {
		ApplicationContextInitializer<GenericApplicationContext> initializer = INITIALIZERS.computeIfAbsent(buildTime,
				ChatAotProcessingTests::compile);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(initializer.getClass().getClassLoader());
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			withProperties(context, runTime);
			initializer.initialize(context);
			context.refresh();
			assertions.accept(context);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@SuppressWarnings("unchecked")
	private static ApplicationContextInitializer<GenericApplicationContext> compile(Map<String, Object> buildTime) {
		Processed processed = process(buildTime);
		AtomicReference<ApplicationContextInitializer<GenericApplicationContext>> initializer = new AtomicReference<>();
		TestCompiler.forSystem()
			.with(processed.generationContext())
			.compile((compiled) -> initializer
				.set(compiled.getInstance(ApplicationContextInitializer.class, processed.initializer().toString())));
		return initializer.get();
	}

	private static Processed process(Map<String, Object> buildTime) {
		try (AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext()) {
			withProperties(application, buildTime);
			application.register(Application.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(application,
					generationContext);
			generationContext.writeGeneratedContent();
			return new Processed(generationContext, initializer);
		}
	}

	private static void withProperties(GenericApplicationContext context, Map<String, Object> properties) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
	}

	private record Processed(TestGenerationContext generationContext, ClassName initializer) {
	}

	@Configuration(proxyBeanMethods = false)
	@RegisterReflectionForBinding(OrderSummary.class)
	@ImportAutoConfiguration({ ChatAutoConfiguration.class, ChatHealthContributorAutoConfiguration.class })
	static class Application {

		@Bean
		OrderTools orderTools() {
			return new OrderTools();
		}

	}

}
