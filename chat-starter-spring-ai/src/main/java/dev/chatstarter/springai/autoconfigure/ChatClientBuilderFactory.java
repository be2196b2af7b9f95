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

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationConvention;
import org.springframework.ai.chat.client.observation.ChatClientObservationConvention;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Creates the {@link ChatClient.Builder} of one chat provider: the static factory method
 * of each provider's prototype {@code <provider>ChatClientBuilder} bean definition, so
 * Spring AOT generates a plain call to it. A class of its own, so that nothing of
 * {@code ChatClient} is loaded when it is not on the class path.
 */
final class ChatClientBuilderFactory {

	private ChatClientBuilderFactory() {
	}

	/**
	 * Create a {@link ChatClient.Builder} on the provider's
	 * {@code <provider>SpringAiChatModel} bean the way Spring AI's
	 * {@code ChatClientAutoConfiguration} does: with the application's observation
	 * registry and conventions, its {@code ToolCallingAdvisor.Builder} when Spring AI's
	 * auto-configuration made one, and every {@link ChatClientBuilderCustomizer} (and
	 * deprecated {@code ChatClientCustomizer}), in order, the deprecated ones first as
	 * Spring AI applies them.
	 * @param provider the provider name
	 * @param beanFactory the bean factory to take the model and the collaborators from
	 * @return a new builder
	 */
	@SuppressWarnings({ "unchecked", "rawtypes", "removal" })
	static ChatClient.Builder chatClientBuilder(String provider, ListableBeanFactory beanFactory) {
		ChatModel chatModel = beanFactory.getBean(provider + SpringAiChatModelRegistrar.CHAT_MODEL_SUFFIX,
				ChatModel.class);
		ToolCallingAdvisor.Builder<?> toolCalling = (ToolCallingAdvisor.Builder<?>) beanFactory
			.getBeanProvider((Class) ToolCallingAdvisor.Builder.class)
			.getIfAvailable();
		ChatClient.Builder builder = ChatClient.builder(chatModel,
				beanFactory.getBeanProvider(ObservationRegistry.class).getIfUnique(() -> ObservationRegistry.NOOP),
				beanFactory.getBeanProvider(ChatClientObservationConvention.class).getIfUnique(),
				beanFactory.getBeanProvider(AdvisorObservationConvention.class).getIfUnique(), toolCalling);
		beanFactory.getBeanProvider(org.springframework.ai.chat.client.ChatClientCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(builder));
		beanFactory.getBeanProvider(ChatClientBuilderCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
