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

package dev.chatstarter.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.chatstarter.autoconfigure.state.ChatSharedStateAutoConfiguration;
import dev.chatstarter.autoconfigure.state.RedisSharedStateStore;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat.shared-state.*}: memory by default, the Redis store over Spring Boot's
 * connection, and every misconfiguration reported at start-up in the starter's words.
 * Nothing here connects to Redis; the shared state itself is tested against a real server
 * in {@code dev.chatstarter.autoconfigure.state}.
 */
class ChatSharedStateConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
						ChatAutoConfiguration.class, ChatSharedStateAutoConfiguration.class))
		.withPropertyValues("chat.providers.relay.base-url=https://relay.example.com/v1",
				"chat.providers.relay.api-key=sk-relay-0123456789");

	@Test
	void memoryIsTheDefaultAndSharesNothing() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SharedState.class);
		});
	}

	@Test
	void redisUsesSpringBootsConnection() {
		this.runner
			.withPropertyValues("chat.shared-state.store=redis", "chat.shared-state.when-unavailable=fail-closed",
					"chat.shared-state.lease-time=10s", "spring.data.redis.port=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(RedisSharedStateStore.class);
				SharedStateSettings settings = context.getBean(SharedState.class).settings();
				assertThat(settings.whenUnavailable()).isEqualTo(SharedStateSettings.FailureMode.FAIL_CLOSED);
				assertThat(settings.leaseTime()).hasSeconds(10);
			});
	}

	@Test
	void redisWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.withPropertyValues("chat.shared-state.store=redis")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.shared-state.store is redis but the application has no Spring Data Redis");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void leasesThatWouldExpireBeforeTheyAreRenewed() {
		this.runner
			.withPropertyValues("chat.shared-state.store=redis", "chat.shared-state.lease-time=1s",
					"chat.shared-state.refresh-interval=2s", "chat.shared-state.timeout=0s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains(
							"chat.shared-state.refresh-interval (2s) is not shorter than chat.shared-state.lease-time")
					.contains("chat.shared-state.timeout is 0s but must be a positive duration");
			});
	}

	@Test
	void anUnknownStoreAndAnUnknownName() {
		this.runner.withPropertyValues("chat.shared-state.store=hazelcast").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("chat.shared-state.store").contains("hazelcast");
		});
		this.runner.withPropertyValues("chat.shared-state.lease-tme=10s").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("lease-tme");
			assertThat(analysis.getAction()).contains("lease-time");
		});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

}
