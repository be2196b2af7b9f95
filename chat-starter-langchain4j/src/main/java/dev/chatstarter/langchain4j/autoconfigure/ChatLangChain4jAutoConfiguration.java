package dev.chatstarter.langchain4j.autoconfigure;

import dev.langchain4j.model.chat.ChatModel;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that exposes every
 * configured chat provider to LangChain4j: for provider {@code kuai}, a
 * {@link dev.chatstarter.langchain4j.ChatTemplateChatModel ChatModel} bean {@code kuaiChatModel} and a
 * {@link dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel StreamingChatModel} bean
 * {@code kuaiStreamingChatModel}, both qualified {@code @Qualifier("kuai")} and sending through the
 * {@link ChatTemplate} bean {@code kuai}. The default provider's models are primary. A bean that already has one of
 * these names replaces the auto-configured model. LangChain4j
 * {@link dev.langchain4j.model.chat.listener.ChatModelListener} beans observe every model.
 */
@AutoConfiguration(after = ChatAutoConfiguration.class)
@ConditionalOnClass({ ChatModel.class, ChatTemplate.class })
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
public final class ChatLangChain4jAutoConfiguration {

	@Bean
	static LangChain4jModelRegistrar chatLangChain4jModelRegistrar() {
		return new LangChain4jModelRegistrar();
	}

}
