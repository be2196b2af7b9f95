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

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.ChatTemplate;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that exposes every chat-starter provider to Spring AI: a
 * {@link ChatModel} bean {@code <provider>SpringAiChatModel} and a prototype
 * {@code ChatClient.Builder} bean {@code <provider>ChatClientBuilder}, both qualified
 * {@code <provider>}, the default provider's primary. It runs after chat-starter's
 * {@link ChatAutoConfiguration} and before Spring AI's
 * {@code ChatClientAutoConfiguration}, whose single {@code ChatClient.Builder} then wraps
 * the primary model.
 */
@AutoConfiguration(after = ChatAutoConfiguration.class,
		beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, ChatTemplate.class, ChatProperties.class })
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
public final class SpringAiChatModelAutoConfiguration {

	private SpringAiChatModelAutoConfiguration() {
	}

	@Bean
	static SpringAiChatModelRegistrar springAiChatModelRegistrar() {
		return new SpringAiChatModelRegistrar();
	}

}
