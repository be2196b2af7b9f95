package dev.chatstarter.autoconfigure.sanitize;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that keeps chat secrets
 * out of {@code /actuator/configprops} and {@code /actuator/env}, even with {@code show-values=always}: every
 * {@code chat.providers.*.api-key} and the values of headers named like authorization, key, token, secret, password,
 * cookie or credential.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ChatSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "chatSanitizingFunction")
	SanitizingFunction chatSanitizingFunction() {
		return new ChatSanitizingFunction();
	}

}
