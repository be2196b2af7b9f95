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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.langchain4j.ChatTemplateChatModel;
import dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatLangChain4jAutoConfiguration}.
 */
class ChatLangChain4jAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static FakeChatServer aigc;

	private static FakeChatServer kuai;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, ChatLangChain4jAutoConfiguration.class));

	@BeforeAll
	static void startServers() {
		aigc = new FakeChatServer().start();
		kuai = new FakeChatServer().start();
	}

	@AfterAll
	static void stopServers() {
		aigc.close();
		kuai.close();
	}

	private ApplicationContextRunner twoProviders() {
		return this.runner.withPropertyValues("chat.default-provider=aigc",
				"chat.providers.aigc.base-url=" + aigc.baseUrl(), "chat.providers.aigc.model=gpt-4o",
				"chat.providers.kuai.base-url=" + kuai.baseUrl(), "chat.providers.kuai.model=gpt-3.5-turbo");
	}

	@Test
	void everyProviderIsAChatModelAndAStreamingChatModelOnItsTemplate() {
		twoProviders().run((context) -> {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("aigcChatModel", "kuaiChatModel");
			assertThat(context.getBeansOfType(StreamingChatModel.class)).containsOnlyKeys("aigcStreamingChatModel",
					"kuaiStreamingChatModel");
			assertThat(context.getBean("kuaiChatModel", ChatTemplateChatModel.class).template())
				.isSameAs(context.getBean("kuai", ChatTemplate.class));
			assertThat(context.getBean("kuaiStreamingChatModel", ChatTemplateStreamingChatModel.class).template())
				.isSameAs(context.getBean("kuai", ChatTemplate.class));
		});
	}

	@Test
	void theDefaultProvidersModelsArePrimary() {
		twoProviders().run((context) -> {
			assertThat(((ChatTemplateChatModel) context.getBean(ChatModel.class)).template().provider())
				.isEqualTo("aigc");
			assertThat(
					((ChatTemplateStreamingChatModel) context.getBean(StreamingChatModel.class)).template().provider())
				.isEqualTo("aigc");
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aQualifierInjectsAProvidersModelsAndCallsGoToThatProvider() {
		twoProviders().withUserConfiguration(KuaiUser.class).run((context) -> {
			KuaiUser user = context.getBean(KuaiUser.class);
			assertThat(user.chat.template().provider()).isEqualTo("kuai");
			assertThat(user.streaming.template().provider()).isEqualTo("kuai");
			kuai.enqueue(FakeResponse.text("from kuai"));
			int aigcRequests = aigc.requestCount();

			String answer = user.chat.chat("hi");

			assertThat(answer).isEqualTo("from kuai");
			assertThat(kuai.takeRequest().model()).isEqualTo("gpt-3.5-turbo");
			assertThat(aigc.requestCount()).isEqualTo(aigcRequests);
		});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aRouteIsAChatModelTooAndDeclaresJsonSchemaOnlyWhenEveryDeploymentSendsIt() {
		twoProviders()
			.withPropertyValues("chat.routes.both.strategy=round-robin",
					"chat.routes.both.deployments[0].provider=aigc", "chat.routes.both.deployments[1].provider=kuai",
					"chat.providers.kuai.dialect.structured-output=json-object")
			.run((context) -> {
				ChatTemplateChatModel both = context.getBean("bothChatModel", ChatTemplateChatModel.class);
				assertThat(both.template()).isSameAs(context.getBean("both", ChatTemplate.class));
				assertThat(both.supportedCapabilities()).isEmpty();
				assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("aigcChatModel"));
				aigc.enqueue(FakeResponse.text("from aigc"));
				kuai.enqueue(FakeResponse.text("from kuai"));

				assertThat(List.of(both.chat("hi"), both.chat("hi"))).containsExactlyInAnyOrder("from aigc",
						"from kuai");
			});
	}

	@Test
	void aProviderWithoutJsonSchemaStructuredOutputDoesNotDeclareIt() {
		twoProviders().withPropertyValues("chat.providers.kuai.dialect.structured-output=json-object")
			.run((context) -> {
				assertThat(context.getBean("aigcChatModel", ChatModel.class).supportedCapabilities())
					.containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
				assertThat(context.getBean("kuaiChatModel", ChatModel.class).supportedCapabilities()).isEmpty();
				assertThat(context.getBean("kuaiStreamingChatModel", StreamingChatModel.class).supportedCapabilities())
					.isEmpty();
			});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void aFailingProvidersLangChain4jCallFallsBackThroughTheTemplate() {
		twoProviders()
			.withPropertyValues("chat.providers.aigc.fallback=kuai", "chat.providers.aigc.retry.max-attempts=1")
			.run((context) -> {
				aigc.enqueue(FakeResponse.openAiError(503, "overloaded"));
				kuai.enqueue(FakeResponse.text("answered by kuai"), FakeResponse.stream("streamed ", "by kuai"));
				ChatModel chat = context.getBean(ChatModel.class);
				StreamingChatModel streaming = context.getBean(StreamingChatModel.class);

				String answer = chat.chat("hi");
				aigc.enqueue(FakeResponse.openAiError(503, "still overloaded"));
				CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
				streaming.chat("hi", new StreamingChatResponseHandler() {

					@Override
					public void onCompleteResponse(ChatResponse completeResponse) {
						streamed.complete(completeResponse);
					}

					@Override
					public void onError(Throwable error) {
						streamed.completeExceptionally(error);
					}

				});

				assertThat(answer).isEqualTo("answered by kuai");
				// the fallback's own model: LangChain4j's default parameters carry none
				// of the provider's options
				List<RecordedRequest> answered = kuai.requests();
				assertThat(answered.get(answered.size() - 1).model()).isEqualTo("gpt-3.5-turbo");
				assertThat(streamed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).aiMessage().text())
					.isEqualTo("streamed by kuai");
			});
	}

	@Test
	@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
	void chatModelListenerBeansObserveEveryModel() {
		twoProviders().withUserConfiguration(Listening.class).run((context) -> {
			aigc.enqueue(FakeResponse.text("observed"));

			context.getBean(ChatModel.class).chat("hi");

			assertThat(context.getBean(RecordingListener.class).events).containsExactly("request", "response:observed");
		});
	}

	@Test
	void aBeanWithAModelsNameReplacesIt() {
		twoProviders().withUserConfiguration(OwnKuaiModel.class).run((context) -> {
			assertThat(context.getBean("kuaiChatModel")).isSameAs(OwnKuaiModel.MODEL);
			assertThat(context.getBean("aigcChatModel")).isInstanceOf(ChatTemplateChatModel.class);
		});
	}

	@Test
	void withoutTheStartersAutoConfigurationOnTheClassPathItBacksOff() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatLangChain4jAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("dev.chatstarter.autoconfigure"))
			.withPropertyValues("chat.providers.kuai.base-url=" + kuai.baseUrl())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LangChain4jModelRegistrar.class)
				.doesNotHaveBean("kuaiChatModel"));
	}

	@Test
	void withoutLangChain4jOnTheClassPathThereAreNoModels() {
		twoProviders().withClassLoader(new FilteredClassLoader("dev.langchain4j")).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("kuai");
			assertThat(context).doesNotHaveBean("kuaiChatModel").doesNotHaveBean("kuaiStreamingChatModel");
		});
	}

	@Test
	void chatEnabledFalseTurnsTheModelsOff() {
		twoProviders().withPropertyValues("chat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("aigcChatModel").doesNotHaveBean("kuai"));
	}

	@Test
	void withoutProvidersThereAreNoModels() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class));
	}

	@Test
	void itIsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(ChatLangChain4jAutoConfiguration.class.getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class KuaiUser {

		final ChatTemplateChatModel chat;

		final ChatTemplateStreamingChatModel streaming;

		KuaiUser(@Qualifier("kuai") ChatModel chat, @Qualifier("kuai") StreamingChatModel streaming) {
			this.chat = (ChatTemplateChatModel) chat;
			this.streaming = (ChatTemplateStreamingChatModel) streaming;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	static final class RecordingListener implements ChatModelListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void onRequest(ChatModelRequestContext requestContext) {
			this.events.add("request");
		}

		@Override
		public void onResponse(ChatModelResponseContext responseContext) {
			this.events.add("response:" + responseContext.chatResponse().aiMessage().text());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnKuaiModel {

		static final ChatModel MODEL = new ChatModel() {
		};

		@Bean
		ChatModel kuaiChatModel() {
			return MODEL;
		}

	}

}
