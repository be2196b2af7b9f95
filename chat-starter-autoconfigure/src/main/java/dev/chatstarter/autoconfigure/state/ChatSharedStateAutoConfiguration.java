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

package dev.chatstarter.autoconfigure.state;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.chatstarter.autoconfigure.ChatPropertyProblems;
import dev.chatstarter.autoconfigure.ChatTemplateCustomizer;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;
import dev.chatstarter.core.state.SharedStateStore;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the state that replicas share, with
 * {@code chat.shared-state.store=redis}: a {@link RedisSharedStateStore} over Spring
 * Boot's reactive Redis connection ({@code spring.data.redis.*}, Lettuce), the one
 * {@link SharedState} client of it, and a {@link ChatTemplateCustomizer} that hands it to
 * every provider's template. An application's own {@link SharedStateStore} bean replaces
 * the Redis store. Without Spring Data Redis on the class path, or without a reactive
 * connection, the startup fails saying what to add.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@EnableConfigurationProperties(ChatSharedStateProperties.class)
public final class ChatSharedStateAutoConfiguration {

	/**
	 * The shared state, with {@code chat.shared-state.store=redis}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = ChatSharedStateProperties.PREFIX, name = "store", havingValue = "redis")
	static class SharedStateConfiguration {

		private static final String STORE = ChatSharedStateProperties.PREFIX + ".store";

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SharedState chatSharedState(ObjectProvider<SharedStateStore> store, ChatSharedStateProperties properties,
				Environment environment) {
			ChatPropertyProblems problems = new ChatPropertyProblems(environment);
			SharedStateStore available = store.getIfAvailable();
			if (available == null) {
				problems.add(STORE, STORE + " is redis but the application has no Spring Data Redis on its class path.",
						"Add org.springframework.boot:spring-boot-starter-data-redis to the application's dependencies, "
								+ "or set " + STORE + " to memory.");
			}
			SharedStateSettings settings = properties.settings(problems);
			return SharedState.of(available, settings);
		}

		@Bean
		@Order(0)
		ChatTemplateCustomizer chatSharedStateCustomizer(SharedState sharedState) {
			return (provider, builder) -> builder.resilience((resilience) -> resilience.sharedState(sharedState));
		}

		/**
		 * The Redis store, in a nested class so that its types are only loaded when
		 * Spring Data Redis is on the class path.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ReactiveStringRedisTemplate.class)
		static class RedisStoreConfiguration {

			@Bean
			@ConditionalOnMissingBean(SharedStateStore.class)
			RedisSharedStateStore chatSharedStateStore(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
					ChatSharedStateProperties properties, Environment environment) {
				ReactiveRedisConnectionFactory factory = connectionFactory.getIfAvailable();
				if (factory == null) {
					ChatPropertyProblems problems = new ChatPropertyProblems(environment);
					problems.add(STORE, STORE + " is redis but the application has no reactive Redis connection.",
							"Use Spring Boot's Lettuce connection (spring-boot-starter-data-redis, spring.data.redis.*); "
									+ "Jedis has no reactive API.");
					problems.throwIfAny();
				}
				return new RedisSharedStateStore(new ReactiveStringRedisTemplate(factory), properties.getKeyPrefix());
			}

		}

	}

}
