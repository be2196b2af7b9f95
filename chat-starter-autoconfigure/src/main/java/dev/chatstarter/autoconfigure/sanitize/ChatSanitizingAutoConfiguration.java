package dev.chatstarter.autoconfigure.sanitize;

import java.util.Set;

import dev.chatstarter.autoconfigure.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that keeps chat secrets
 * out of {@code /actuator/configprops} and {@code /actuator/env}, even with {@code show-values=always}: every
 * {@code chat.providers.*.api-key}, the values of headers named like authorization, key, token, secret, password,
 * cookie or credential, the user info and query of base URLs, the command line and any property whose value contains
 * one of those secrets (see {@link ChatSanitizingFunction}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ChatSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "chatSanitizingFunction")
	SanitizingFunction chatSanitizingFunction(ObjectProvider<ChatProperties> properties) {
		return new ChatSanitizingFunction(() -> {
			ChatProperties bound = properties.getIfAvailable();
			return (bound != null) ? ConfiguredSecrets.of(bound) : Set.of();
		});
	}

}
