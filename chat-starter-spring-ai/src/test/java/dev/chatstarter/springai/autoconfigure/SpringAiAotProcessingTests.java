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

package dev.chatstarter.springai.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT on the JVM with the Spring AI adapter: an application with two providers is
 * processed ahead of time (once, with build-time URLs), the generated code is compiled
 * and a fresh context is started from it with the run-time URLs, which then calls a fake
 * provider through the adapter's {@link ChatModel} and {@link ChatClient.Builder} beans.
 */
@CompileWithForkedClassLoader
class SpringAiAotProcessingTests {

	private static FakeChatServer alpha;

	private static FakeChatServer beta;

	/**
	 * The initializer generated for the one build-time configuration: processing and
	 * compiling take seconds.
	 */
	private static ApplicationContextInitializer<GenericApplicationContext> initializer;

	@BeforeAll
	static void startProviders() {
		alpha = new FakeChatServer().start();
		beta = new FakeChatServer().start();
	}

	@AfterAll
	static void stopProviders() {
		alpha.close();
		beta.close();
	}

	@BeforeEach
	void resetProviders() {
		alpha.reset();
		beta.reset();
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void aotGeneratedContextCallsThroughTheChatModelAndChatClientBuilderOfEachProvider() {
		runAotProcessed(runTime("alpha"), (context) -> {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("alphaSpringAiChatModel",
					"betaSpringAiChatModel");
			assertThat(context.getBean("alphaChatClientBuilder"))
				.isNotSameAs(context.getBean("alphaChatClientBuilder"));

			alpha.enqueue(FakeResponse.text("hello from alpha"));
			assertThat(context.getBean(ChatModel.class).call("hi")).isEqualTo("hello from alpha");
			assertThat(alpha.takeRequest().bearerToken()).isEqualTo("sk-run");

			beta.enqueue(FakeResponse.text("hello from beta"));
			ChatClient.Builder betaClient = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ChatClient.Builder.class, "beta");
			assertThat(betaClient.build().prompt("hi").call().content()).isEqualTo("hello from beta");
			assertThat(alpha.requestCount()).isEqualTo(1);
		});
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void runTimeDefaultProviderIsThePrimaryChatModelAndChatClientBuilder() {
		runAotProcessed(runTime("beta"), (context) -> {
			assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("betaSpringAiChatModel"));
			beta.enqueue(FakeResponse.text("from beta"));
			assertThat(context.getBean(ChatClient.Builder.class).build().prompt("hi").call().content())
				.isEqualTo("from beta");
		});
	}

	private static Map<String, Object> providers(String alphaUrl, String betaUrl, String key, String defaultName) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.providers.alpha.base-url", alphaUrl);
		properties.put("chat.providers.alpha.api-key", key);
		properties.put("chat.providers.alpha.retry.max-attempts", "1");
		properties.put("chat.providers.beta.base-url", betaUrl);
		properties.put("chat.providers.beta.retry.max-attempts", "1");
		properties.put("chat.default-provider", defaultName);
		return properties;
	}

	private static Map<String, Object> runTime(String defaultName) {
		return providers(alpha.baseUrl(), beta.baseUrl(), "sk-run", defaultName);
	}

	/**
	 * Start a context from the AOT-generated code (processed and compiled on first use)
	 * with the run-time properties and hand it to the assertions.
	 */
	private static synchronized void runAotProcessed(Map<String, Object> runTime,
			Consumer<GenericApplicationContext> assertions) {
		if (initializer == null) {
			initializer = compile(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "sk-build", "alpha"));
		}
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
		try (AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext()) {
			withProperties(application, buildTime);
			application.register(Application.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			ClassName className = new ApplicationContextAotGenerator().processAheadOfTime(application,
					generationContext);
			generationContext.writeGeneratedContent();
			ApplicationContextInitializer<GenericApplicationContext>[] compiled = new ApplicationContextInitializer[1];
			TestCompiler.forSystem()
				.with(generationContext)
				.compile((result) -> compiled[0] = result.getInstance(ApplicationContextInitializer.class,
						className.toString()));
			return compiled[0];
		}
	}

	private static void withProperties(GenericApplicationContext context, Map<String, Object> properties) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ChatAutoConfiguration.class, SpringAiChatModelAutoConfiguration.class })
	static class Application {

	}

}
