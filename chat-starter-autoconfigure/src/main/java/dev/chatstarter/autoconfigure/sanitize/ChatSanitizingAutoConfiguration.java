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

package dev.chatstarter.autoconfigure.sanitize;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.chatstarter.autoconfigure.ChatProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that keeps chat secrets out of {@code /actuator/configprops} and
 * {@code /actuator/env}, even with {@code show-values=always}: every
 * {@code chat.providers.*.api-key}, the values of headers named like authorization, key,
 * token, secret, password, cookie or credential, the user info and query of base URLs,
 * the command line and any property whose value contains one of those secrets (see
 * {@link ChatSanitizingFunction}).
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
