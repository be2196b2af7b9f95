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

package dev.chatstarter.langchain4j.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
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
 * Spring AOT on the JVM with the LangChain4j adapter: an application with two providers
 * is processed ahead of time (once, with build-time URLs), the generated code is compiled
 * and a fresh context is started from it with the run-time properties, which then calls a
 * fake provider through the adapter's {@link ChatModel} beans.
 */
@CompileWithForkedClassLoader
class LangChain4jAotProcessingTests {

	private static FakeChatServer aigc;

	private static FakeChatServer kuai;

	/**
	 * The initializer generated for the one build-time configuration: processing and
	 * compiling take seconds.
	 */
	private static ApplicationContextInitializer<GenericApplicationContext> initializer;

	@BeforeAll
	static void startProviders() {
		aigc = new FakeChatServer().start();
		kuai = new FakeChatServer().start();
	}

	@AfterAll
	static void stopProviders() {
		aigc.close();
		kuai.close();
	}

	@BeforeEach
	void resetProviders() {
		aigc.reset();
		kuai.reset();
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void aotGeneratedContextCallsThroughTheChatModelOfEachProviderWithRunTimeProperties() {
		Map<String, Object> runTime = runTime("aigc");
		runTime.put("chat.providers.kuai.dialect.structured-output", "json-object");
		runAotProcessed(runTime, (context) -> {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("aigcChatModel", "kuaiChatModel");
			assertThat(context.getBeansOfType(StreamingChatModel.class)).containsOnlyKeys("aigcStreamingChatModel",
					"kuaiStreamingChatModel");

			aigc.enqueue(FakeResponse.text("hello from aigc"));
			assertThat(context.getBean(ChatModel.class).chat("hi")).isEqualTo("hello from aigc");
			assertThat(aigc.takeRequest().bearerToken()).isEqualTo("sk-run");

			kuai.enqueue(FakeResponse.text("hello from kuai"));
			ChatModel kuaiModel = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ChatModel.class, "kuai");
			assertThat(kuaiModel.chat("hi")).isEqualTo("hello from kuai");
			assertThat(kuaiModel.supportedCapabilities()).isEmpty();
			assertThat(context.getBean("aigcChatModel", ChatModel.class).supportedCapabilities())
				.containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
		});
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void runTimeDefaultProviderIsThePrimaryChatModelAndStreamingChatModel() {
		runAotProcessed(runTime("kuai"), (context) -> {
			assertThat(context.getBean(StreamingChatModel.class)).isSameAs(context.getBean("kuaiStreamingChatModel"));
			kuai.enqueue(FakeResponse.text("from kuai"));
			assertThat(context.getBean(ChatModel.class).chat("hi")).isEqualTo("from kuai");
		});
	}

	private static Map<String, Object> providers(String aigcUrl, String kuaiUrl, String key, String defaultName) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.providers.aigc.base-url", aigcUrl);
		properties.put("chat.providers.aigc.api-key", key);
		properties.put("chat.providers.aigc.retry.max-attempts", "1");
		properties.put("chat.providers.kuai.base-url", kuaiUrl);
		properties.put("chat.providers.kuai.retry.max-attempts", "1");
		properties.put("chat.default-provider", defaultName);
		return properties;
	}

	private static Map<String, Object> runTime(String defaultName) {
		return providers(aigc.baseUrl(), kuai.baseUrl(), "sk-run", defaultName);
	}

	/**
	 * Start a context from the AOT-generated code (processed and compiled on first use)
	 * with the run-time properties and hand it to the assertions.
	 */
	private static synchronized void runAotProcessed(Map<String, Object> runTime,
			Consumer<GenericApplicationContext> assertions) {
		if (initializer == null) {
			initializer = compile(providers("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1", "sk-build", "aigc"));
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
	@ImportAutoConfiguration({ ChatAutoConfiguration.class, ChatLangChain4jAutoConfiguration.class })
	static class Application {

	}

}
