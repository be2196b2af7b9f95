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

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.health.ChatHealthContributorAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.test.redis.RedisServer;

/**
 * One replica of an application that shares its state through Redis: its own application
 * context, with its own Redis connection, and nothing else in common with the other
 * replicas. Also run as a separate JVM ({@link #main}) by the tests that kill a replica.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
		ChatAutoConfiguration.class, ChatSharedStateAutoConfiguration.class,
		ChatHealthContributorAutoConfiguration.class })
public class SharedStateReplica {

	/**
	 * Start a replica.
	 * @param redis the Redis server the replicas share
	 * @param properties more properties, {@code name=value}
	 * @return the running context
	 */
	static ConfigurableApplicationContext start(RedisServer redis, String... properties) {
		return start(redis.port(), List.of(properties));
	}

	private static ConfigurableApplicationContext start(int redisPort, List<String> properties) {
		List<String> all = new ArrayList<>(List.of("chat.shared-state.store=redis", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redisPort, "chat.shared-state.refresh-interval=100ms",
				"chat.shared-state.lease-time=2s"));
		all.addAll(properties);
		return new SpringApplicationBuilder(SharedStateReplica.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * Run a replica in this JVM that opens a number of streams which do not end, prints
	 * {@code HOLDING} once their concurrency permits are held, and waits to be killed.
	 * @param args the Redis port, the number of streams, then properties
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		int streams = Integer.parseInt(args[1]);
		ConfigurableApplicationContext context = start(Integer.parseInt(args[0]),
				List.of(args).subList(2, args.length));
		ChatTemplate chat = context.getBean(ChatTemplate.class);
		for (int i = 0; i < streams; i++) {
			chat.prompt("hold").stream().content().subscribe(null, (failure) -> {
			});
		}
		SharedState state = context.getBean(SharedState.class);
		while (state.status().leasesHeld() < streams) {
			Thread.sleep(10);
		}
		System.out.println("HOLDING");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
