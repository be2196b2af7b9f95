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

package dev.chatstarter.autoconfigure.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the starter's part in a Spring MVC or WebFlux application: a
 * {@link ChatExceptionHandler} that answers a {@code ChatException} with an RFC 9457
 * problem response. {@code chat.web.problem-details.enabled=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ChatWebProperties.class)
public final class ChatWebAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "chat.web.problem-details.enabled", matchIfMissing = true)
	@ConditionalOnMissingBean
	ChatExceptionHandler chatExceptionHandler() {
		return new ChatExceptionHandler();
	}

}
