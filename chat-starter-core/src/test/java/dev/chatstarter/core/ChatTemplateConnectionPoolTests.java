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

package dev.chatstarter.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.internal.http.ConnectionPool;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each template has a connection pool of its own: created by its first request, shared
 * with its mutated variants, and disposed of when the template that created it is closed.
 */
class ChatTemplateConnectionPoolTests extends WireMockSupport {

	@Test
	void aTemplateCreatesItsOwnPoolAndClosingDisposesOfIt() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = templateBuilder()
			.connectionPool(new ConnectionPoolSettings(3000, -1, Duration.ofSeconds(5), Duration.ofSeconds(10), null))
			.build();
		ConnectionProvider pool = pool(template);
		assertThat(pool.name()).isEqualTo("chat-aigc");
		assertThat(pool.maxConnections()).isEqualTo(3000);
		assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
		assertThat(pool.isDisposed()).isFalse();
		template.close();
		assertThat(pool.isDisposed()).isTrue();
	}

	@Test
	void thePoolIsCreatedByTheFirstRequestNotByTheTemplate() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = template();
		ChatTemplate variant = template.mutate().defaultOptions((options) -> options.temperature(0.1)).build();
		ConnectionPool connections = ((DefaultChatTemplate) template).connectionPool();
		assertThat(connections.isCreated()).isFalse();
		assertThat(variant.prompt("ping").call().content()).isEqualTo("pong");
		assertThat(connections.isCreated()).isTrue();
		assertThat(pool(template)).isSameAs(pool(variant));
		template.close();
		assertThat(pool(template).isDisposed()).isTrue();
	}

	@Test
	void closingATemplateThatNeverCalledCreatesNoPool() {
		ChatTemplate template = template();
		template.close();
		assertThat(((DefaultChatTemplate) template).connectionPool().isCreated()).isFalse();
	}

	@Test
	void theDefaultPoolGrowsWithConcurrency() {
		ChatTemplate template = template();
		assertThat(pool(template).maxConnections()).isEqualTo(ConnectionPoolSettings.DEFAULT_MAX_CONNECTIONS);
		template.close();
	}

	@Test
	void mutatedTemplatesShareThePoolWithoutOwningIt() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = template();
		ChatTemplate variant = template.mutate().defaultOptions((options) -> options.temperature(0.1)).build();
		assertThat(pool(variant)).isSameAs(pool(template));
		assertThat(variant.prompt("ping").call().content()).isEqualTo("pong");
		variant.close();
		assertThat(pool(template).isDisposed()).isFalse();
		assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
		template.close();
		assertThat(pool(template).isDisposed()).isTrue();
	}

	@Test
	void aVariantWithOtherPoolSettingsOwnsANewPool() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = template();
		ChatTemplate variant = template.mutate().connectionPool(ConnectionPoolSettings.defaults()).build();
		assertThat(pool(variant)).isNotSameAs(pool(template));
		template.prompt("ping").call().content();
		variant.prompt("ping").call().content();
		variant.close();
		assertThat(pool(variant).isDisposed()).isTrue();
		assertThat(pool(template).isDisposed()).isFalse();
		template.close();
	}

	@Test
	void aGivenPoolBelongsToTheCaller() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ConnectionProvider given = ConnectionProvider.create("given", 10);
		try {
			ChatTemplate template = templateBuilder().connectionProvider(given).build();
			assertThat(pool(template)).isSameAs(given);
			template.prompt("ping").call().content();
			template.close();
			assertThat(given.isDisposed()).isFalse();
		}
		finally {
			given.dispose();
		}
	}

	@Test
	void poolSettingsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(0, -1, Duration.ofSeconds(1), Duration.ofSeconds(1), null))
			.withMessage("maxConnections must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(1, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), null))
			.withMessage("maxPendingAcquires must be positive, or -1 for no limit");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(1, -1, Duration.ofSeconds(1), Duration.ZERO, null))
			.withMessage("maxIdleTime must be positive");
	}

	private static ConnectionProvider pool(ChatTemplate template) {
		return ((DefaultChatTemplate) template).connectionPool().get();
	}

}
