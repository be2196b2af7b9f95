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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import dev.chatstarter.autoconfigure.sanitize.ChatSanitizingAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatProperties} and the auto-configuration's registration.
 */
class ChatPropertiesTests {

	@Test
	void toStringNeverShowsTheApiKey() {
		ChatProperties.Provider provider = new ChatProperties.Provider();
		provider.setBaseUrl("https://api.kuaiai.app/");
		assertThat(provider.toString()).contains("apiKey = '(none)'").contains("https://api.kuaiai.app/");
		provider.setApiKey("sk-secret-0123456789");
		provider.getHeaders().put("Authorization", "Bearer sk-secret-0123456789");
		assertThat(provider.toString()).doesNotContain("sk-secret").contains("apiKey = '******'");
	}

	@Test
	void theOnlyProviderIsTheDefault() {
		ChatProperties properties = new ChatProperties();
		assertThat(properties.determineDefaultProvider()).isNull();
		properties.getProviders().put("kuai", new ChatProperties.Provider());
		assertThat(properties.determineDefaultProvider()).isEqualTo("kuai");
		properties.getProviders().put("aigc", new ChatProperties.Provider());
		assertThat(properties.determineDefaultProvider()).isNull();
		properties.setDefaultProvider(" aigc ");
		assertThat(properties.determineDefaultProvider()).isEqualTo("aigc");
	}

	@Test
	void autoConfigurationsAreRegistered() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(ChatAutoConfiguration.class.getName(), ChatSanitizingAutoConfiguration.class.getName());
	}

}
