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

import dev.langchain4j.model.chat.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.ChatTemplate;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that exposes every configured chat provider to LangChain4j: for
 * provider {@code kuai}, a {@link dev.chatstarter.langchain4j.ChatTemplateChatModel
 * ChatModel} bean {@code kuaiChatModel} and a
 * {@link dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel StreamingChatModel}
 * bean {@code kuaiStreamingChatModel}, both qualified {@code @Qualifier("kuai")} and
 * sending through the {@link ChatTemplate} bean {@code kuai}. The default provider's
 * models are primary. A bean that already has one of these names replaces the
 * auto-configured model. LangChain4j
 * {@link dev.langchain4j.model.chat.listener.ChatModelListener} beans observe every
 * model.
 */
@AutoConfiguration(after = ChatAutoConfiguration.class)
@ConditionalOnClass({ ChatModel.class, ChatTemplate.class, ChatProperties.class })
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
public final class ChatLangChain4jAutoConfiguration {

	private ChatLangChain4jAutoConfiguration() {
	}

	@Bean
	static LangChain4jModelRegistrar chatLangChain4jModelRegistrar() {
		return new LangChain4jModelRegistrar();
	}

}
