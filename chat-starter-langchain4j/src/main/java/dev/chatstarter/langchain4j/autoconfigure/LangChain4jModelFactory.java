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

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.Assert;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.autoconfigure.ChatRouteProperties;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;
import dev.chatstarter.langchain4j.ChatTemplateChatModel;
import dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel;

/**
 * Creates the LangChain4j models of one chat provider: the static factory methods of each
 * provider's {@code <provider>ChatModel} and {@code <provider>StreamingChatModel} bean
 * definitions, so Spring AOT generates plain calls to them. Each model sends through the
 * {@link ChatTemplate} bean named after the provider (the auto-configured one, or the
 * application's bean that replaces it) and is observed by every {@link ChatModelListener}
 * bean, in order.
 */
final class LangChain4jModelFactory {

	private LangChain4jModelFactory() {
	}

	/**
	 * Create the LangChain4j {@link ChatModel} of a provider.
	 * @param provider the provider name
	 * @param beanFactory the bean factory to take the template, the properties and the
	 * listeners from
	 * @return the model
	 */
	static ChatModel chatModel(String provider, ListableBeanFactory beanFactory) {
		return new ChatTemplateChatModel(template(beanFactory, provider), listeners(beanFactory),
				capabilities(beanFactory, provider));
	}

	/**
	 * Create the LangChain4j {@link StreamingChatModel} of a provider.
	 * @param provider the provider name
	 * @param beanFactory the bean factory to take the template, the properties and the
	 * listeners from
	 * @return the model
	 */
	static StreamingChatModel streamingChatModel(String provider, ListableBeanFactory beanFactory) {
		return new ChatTemplateStreamingChatModel(template(beanFactory, provider), listeners(beanFactory),
				capabilities(beanFactory, provider), Schedulers.boundedElastic());
	}

	/**
	 * A provider whose dialect asks for structured output with a JSON-schema
	 * {@code response_format} declares it, so {@code AiServices} sends its schema that
	 * way; for the others it puts the schema in the prompt.
	 * @param beanFactory the bean factory to take the chat properties from
	 * @param provider the provider name
	 * @return {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} for a provider whose dialect
	 * sends structured output as a JSON schema, otherwise none
	 */
	private static Set<Capability> capabilities(ListableBeanFactory beanFactory, String provider) {
		ChatProperties chat = beanFactory.getBean(ChatProperties.class);
		ChatRouteProperties route = chat.getRoutes().get(provider);
		boolean jsonSchema = (route != null)
				? route.getDeployments()
					.stream()
					.allMatch((deployment) -> sendsJsonSchema(chat, String.valueOf(deployment.getProvider()).trim()))
				: sendsJsonSchema(chat, provider);
		return jsonSchema ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
	}

	private static boolean sendsJsonSchema(ChatProperties chat, String provider) {
		ChatProperties.Provider properties = chat.getProviders().get(provider);
		Assert.state(properties != null, () -> "No chat provider named '" + provider + "' is configured");
		return properties.getDialect().getStructuredOutput() == StructuredOutputMode.JSON_SCHEMA;
	}

	private static ChatTemplate template(ListableBeanFactory beanFactory, String provider) {
		return beanFactory.getBean(provider, ChatTemplate.class);
	}

	private static List<ChatModelListener> listeners(ListableBeanFactory beanFactory) {
		return beanFactory.getBeanProvider(ChatModelListener.class).orderedStream().toList();
	}

}
