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

package dev.chatstarter.test.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeChatProvider} in a minimal Spring test context: properties, beans and a
 * client configured from them.
 */
@SpringJUnitConfig(FakeChatProviderTests.Config.class)
@FakeChatProvider(name = "demo")
@FakeChatProvider(name = "backup", apiKey = "sk-backup")
class FakeChatProviderTests {

	@Autowired
	Environment environment;

	@Autowired
	FakeChatServers servers;

	@Autowired
	@Qualifier("fakeChatServer.backup")
	FakeChatServer backup;

	@Autowired
	ChatTemplate demoChat;

	@Test
	void propertiesPointAtTheServers() {
		FakeChatServer demo = this.servers.get("demo");

		assertThat(this.servers.names()).containsExactly("demo", "backup");
		assertThat(demo.isRunning()).isTrue();
		assertThat(this.environment.getProperty("chat.providers.demo.base-url")).isEqualTo(demo.baseUrl());
		assertThat(this.environment.getProperty("chat.providers.demo.api-key")).isEqualTo("sk-fake-chat-server");
		assertThat(this.environment.getProperty("chat.providers.backup.base-url")).isEqualTo(this.backup.baseUrl());
		assertThat(this.environment.getProperty("chat.providers.backup.api-key")).isEqualTo("sk-backup");
		assertThat(this.backup).isSameAs(this.servers.get("backup")).isNotSameAs(demo);
	}

	@Test
	void aClientConfiguredFromThePropertiesReachesTheServer() {
		FakeChatServer demo = this.servers.get("demo");
		demo.reset().enqueue(FakeResponse.text("Hello from Spring"));

		assertThat(this.demoChat.prompt("Hi").call().content()).isEqualTo("Hello from Spring");
		assertThat(demo.takeRequest().bearerToken()).isEqualTo("sk-fake-chat-server");
		assertThat(this.backup.requestCount()).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		ChatTemplate demoChat(@Value("${chat.providers.demo.base-url}") String baseUrl,
				@Value("${chat.providers.demo.api-key}") String apiKey) {
			return ChatTemplate.builder().provider("demo").baseUrl(baseUrl).apiKey(apiKey).build();
		}

	}

}
