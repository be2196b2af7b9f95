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

package dev.chatstarter.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

import dev.chatstarter.autoconfigure.ChatRouteCustomizer;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ToolObservationConvention;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the observations of the chat providers' calls: when the
 * application has an {@link ObservationRegistry} (Spring Boot creates one with
 * {@code spring-boot-starter-actuator}), every provider's template reports its model
 * calls and tool executions to it, named and tagged by the
 * {@link ChatObservationConvention} and {@link ToolObservationConvention} beans when
 * there are any. With {@code chat.observations.log-prompts} or
 * {@code chat.observations.log-completions} the prompts or answers are logged too.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatObservationProperties.class)
public final class ChatObservationAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ChatObservationAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ChatObservationTemplateCustomizer chatObservationTemplateCustomizer(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ChatObservationConvention> convention,
			ObjectProvider<ToolObservationConvention> toolConvention) {
		return new ChatObservationTemplateCustomizer(registry, convention, toolConvention);
	}

	@Bean
	ChatRouteCustomizer chatObservationRouteCustomizer(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ToolObservationConvention> toolConvention) {
		return (route, builder) -> builder.observations((observations) -> {
			registry.ifAvailable(observations::registry);
			toolConvention.ifUnique(observations::toolConvention);
		});
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnContentLoggingCondition.class)
	ChatObservationLoggingHandler chatObservationLoggingHandler(ChatObservationProperties observations) {
		if (observations.isLogPrompts()) {
			logger.warn("chat.observations.log-prompts is true: the messages of every chat call are logged at INFO "
					+ "level. Prompts may contain personal or confidential data; keep it off where the logs are not "
					+ "protected like that data.");
		}
		if (observations.isLogCompletions()) {
			logger.warn("chat.observations.log-completions is true: the answer of every chat call is logged at INFO "
					+ "level. Answers may contain personal or confidential data; keep it off where the logs are not "
					+ "protected like that data.");
		}
		return new ChatObservationLoggingHandler(observations.isLogPrompts(), observations.isLogCompletions());
	}

	/**
	 * Matches when prompts or answers are to be logged.
	 */
	static final class OnContentLoggingCondition extends AnyNestedCondition {

		OnContentLoggingCondition() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty("chat.observations.log-prompts")
		static final class LogPrompts {

		}

		@ConditionalOnBooleanProperty("chat.observations.log-completions")
		static final class LogCompletions {

		}

	}

}
