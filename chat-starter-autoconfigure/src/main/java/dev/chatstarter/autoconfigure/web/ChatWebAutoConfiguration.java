package dev.chatstarter.autoconfigure.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the starter's part in
 * a Spring MVC or WebFlux application: a {@link ChatExceptionHandler} that answers a {@code ChatException} with an
 * RFC 9457 problem response. {@code chat.web.problem-details.enabled=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "chat.web.problem-details.enabled", matchIfMissing = true)
public final class ChatWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatExceptionHandler chatExceptionHandler() {
		return new ChatExceptionHandler();
	}

}
