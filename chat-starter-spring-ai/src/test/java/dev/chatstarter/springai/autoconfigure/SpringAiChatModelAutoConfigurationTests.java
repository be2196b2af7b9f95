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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.springai.ChatStarterChatModel;
import dev.chatstarter.springai.TwoFakeProviders;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@link SpringAiChatModelAutoConfiguration}: a Spring AI {@link ChatModel} and
 * {@link ChatClient.Builder} per provider, qualified by provider, the default provider's
 * primary; nothing without Spring AI on the class path; and Spring AI's own
 * {@code ChatClientAutoConfiguration} beside it.
 */
class SpringAiChatModelAutoConfigurationTests {

	private static final TwoFakeProviders providers = new TwoFakeProviders();

	@AfterEach
	void reset() {
		providers.reset();
	}

	@AfterAll
	static void close() {
		providers.close();
	}

	@Test
	void aRouteGetsAChatModelAndAChatClientBuilderToo() {
		providers.runner()
			.withPropertyValues("chat.routes.spread.deployments[0].provider=alpha",
					"chat.routes.spread.deployments[1].provider=beta")
			.run((context) -> {
				assertThat(context.getBean("spreadSpringAiChatModel", ChatStarterChatModel.class).template())
					.isSameAs(context.getBean("spread", ChatTemplate.class));
				assertThat(context.getBeansOfType(ChatClient.Builder.class)).containsKey("spreadChatClientBuilder");
				assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("alphaSpringAiChatModel"));
			});
	}

	@Test
	void registersAChatModelAndAChatClientBuilderPerProvider() {
		providers.runner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("alphaSpringAiChatModel",
					"betaSpringAiChatModel");
			assertThat(context.getBean("alphaSpringAiChatModel", ChatStarterChatModel.class).template())
				.isSameAs(context.getBean("alpha", ChatTemplate.class));
			assertThat(context.getBean("betaSpringAiChatModel", ChatStarterChatModel.class).provider())
				.isEqualTo("beta");
			assertThat(context.getBeansOfType(ChatClient.Builder.class)).containsOnlyKeys("alphaChatClientBuilder",
					"betaChatClientBuilder");
			assertThat(context.getBean("alphaChatClientBuilder"))
				.isNotSameAs(context.getBean("alphaChatClientBuilder"));
			assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("alphaSpringAiChatModel"));
			assertThat(context.getBean(ChatStarterChatModel.class).getOptions().getModel()).isEqualTo("alpha-model");
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void injectsByProviderQualifier() {
		providers.beta().enqueue(FakeResponse.text("from beta"));
		providers.runner().withUserConfiguration(QualifiedUser.class).run((context) -> {
			QualifiedUser user = context.getBean(QualifiedUser.class);
			assertThat(((ChatStarterChatModel) user.betaModel).provider()).isEqualTo("beta");
			assertThat(((ChatStarterChatModel) user.defaultModel).provider()).isEqualTo("alpha");
			assertThat(user.betaClient.build().prompt("hi").call().content()).isEqualTo("from beta");
			assertThat(providers.alpha().requestCount()).isZero();
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void unqualifiedChatClientBuilderIsTheDefaultProvidersOne() {
		providers.alpha().enqueue(FakeResponse.text("from alpha"));
		providers.runner()
			.run((context) -> assertThat(
					context.getBean(ChatClient.Builder.class).build().prompt("hi").call().content())
				.isEqualTo("from alpha"));
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void chatClientBuilderCustomizersApplyToEveryProvidersBuilder() {
		providers.beta().enqueue(FakeResponse.text("ok"));
		ChatClientBuilderCustomizer customizer = (builder) -> builder.defaultSystem("Answer in French.");
		providers.runner().withBean(ChatClientBuilderCustomizer.class, () -> customizer).run((context) -> {
			context.getBean("betaChatClientBuilder", ChatClient.Builder.class).build().prompt("hi").call().content();

			RecordedRequest request = providers.beta().takeRequest();
			assertThat(request.messages().get(0).path("role").asString()).isEqualTo("system");
			assertThat(RecordedRequest.textOf(request.messages().get(0))).isEqualTo("Answer in French.");
		});
	}

	@Test
	void backsOffWithoutSpringAiOnTheClassPath() {
		providers.runner().withClassLoader(new FilteredClassLoader(ChatModel.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("alpha").hasBean("beta");
			assertThat(context).doesNotHaveBean("alphaSpringAiChatModel").doesNotHaveBean("alphaChatClientBuilder");
		});
	}

	@Test
	void registersChatModelsWithoutChatClientOnTheClassPath() {
		providers.runner().withClassLoader(new FilteredClassLoader(ChatClient.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("alphaSpringAiChatModel").doesNotHaveBean("alphaChatClientBuilder");
		});
	}

	@Test
	void registersNothingWithoutProviders() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ChatAutoConfiguration.class, SpringAiChatModelAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ChatModel.class).doesNotHaveBean(ChatClient.Builder.class);
			});
	}

	@Test
	void registersNothingWhenChatIsDisabled() {
		providers.runner().withPropertyValues("chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ChatModel.class);
		});
	}

	@Test
	void aBeanOfTheSameNameReplacesTheChatModel() {
		ChatModel own = mock(ChatModel.class);
		providers.runner().withBean("betaSpringAiChatModel", ChatModel.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("betaSpringAiChatModel")).isSameAs(own);
			assertThat(context.getBean("alphaSpringAiChatModel")).isInstanceOf(ChatStarterChatModel.class);
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void springAisOwnChatClientAutoConfigurationWorksBesideSeveralChatModels() {
		providers.alpha().enqueue(FakeResponse.toolCall("get_time", "{}"), FakeResponse.text("from alpha"));
		providers.runner()
			.withConfiguration(
					AutoConfigurations.of(ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(ChatClient.Builder.class)).containsOnlyKeys("chatClientBuilder",
						"alphaChatClientBuilder", "betaChatClientBuilder");
				// Spring AI's own builder wraps the primary model, the default provider's
				ChatClient springAis = context.getBean("chatClientBuilder", ChatClient.Builder.class).build();
				assertThat(springAis.prompt("time?").tools(new Clock()).call().content()).isEqualTo("from alpha");
				assertThat(providers.alpha().requestCount()).isEqualTo(2);
				// unqualified injection is not ambiguous: the default provider's builder
				// is primary
				assertThat(context.getBean(ChatClient.Builder.class)).isNotNull();
				assertThat(context.getBeanFactory().getBeanDefinition("alphaChatClientBuilder").isPrimary()).isTrue();
				assertThat(context.getBeanFactory().getBeanDefinition("chatClientBuilder").isPrimary()).isFalse();
			});
	}

	/**
	 * Injects by qualifier, as an application does.
	 */
	@Configuration(proxyBeanMethods = false)
	static class QualifiedUser {

		final ChatModel betaModel;

		final ChatModel defaultModel;

		final ChatClient.Builder betaClient;

		QualifiedUser(@Qualifier("beta") ChatModel betaModel, ChatModel defaultModel,
				@Qualifier("beta") ChatClient.Builder betaClient) {
			this.betaModel = betaModel;
			this.defaultModel = defaultModel;
			this.betaClient = betaClient;
		}

		@Bean
		String unused() {
			return "";
		}

	}

	/**
	 * A Spring AI tool.
	 */
	static final class Clock {

		@org.springframework.ai.tool.annotation.Tool(name = "get_time", description = "The time")
		String getTime() {
			return "noon";
		}

	}

}
