package dev.chatstarter.springai.autoconfigure;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that exposes every
 * chat-starter provider to Spring AI: a {@link ChatModel} bean {@code <provider>SpringAiChatModel} and a prototype
 * {@code ChatClient.Builder} bean {@code <provider>ChatClientBuilder}, both qualified {@code <provider>}, the default
 * provider's primary. It runs after chat-starter's {@link ChatAutoConfiguration} and before Spring AI's
 * {@code ChatClientAutoConfiguration}, whose single {@code ChatClient.Builder} then wraps the primary model.
 */
@AutoConfiguration(after = ChatAutoConfiguration.class,
		beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, ChatTemplate.class })
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
public final class SpringAiChatModelAutoConfiguration {

	@Bean
	static SpringAiChatModelRegistrar springAiChatModelRegistrar() {
		return new SpringAiChatModelRegistrar();
	}

}
