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

import org.springframework.beans.factory.ListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.springai.ChatStarterChatModel;

/**
 * Creates the Spring AI {@code ChatModel} of one chat provider: the static factory method
 * of each provider's {@code <provider>SpringAiChatModel} bean definition, so Spring AOT
 * generates a plain call to it.
 */
final class SpringAiChatModelFactory {

	private SpringAiChatModelFactory() {
	}

	/**
	 * Create the Spring AI model of a provider on the {@link ChatTemplate} bean named
	 * after the provider (the auto-configured one, or the application's bean that
	 * replaces it), with the application's {@link JsonMapper} when it has exactly one.
	 * @param provider the provider name
	 * @param beanFactory the bean factory to take the template and the mapper from
	 * @return the model
	 */
	static ChatStarterChatModel chatModel(String provider, ListableBeanFactory beanFactory) {
		JsonMapper jsonMapper = beanFactory.getBeanProvider(JsonMapper.class)
			.getIfUnique(() -> JsonMapper.builder().build());
		return new ChatStarterChatModel(beanFactory.getBean(provider, ChatTemplate.class), jsonMapper);
	}

}
