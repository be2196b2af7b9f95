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

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.http.ReactorNettyTransport;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A template creates its HTTP stack on its first request, so what the application
 * customizes there runs then.
 */
class ChatTemplateHttpStackTests extends WireMockSupport {

	@Test
	void buildingATemplateDoesNotRunTheHttpClientCustomizer() {
		AtomicInteger customized = new AtomicInteger();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = templateBuilder().transport(ReactorNettyTransport.create().customize((client) -> {
			customized.incrementAndGet();
			return client;
		})).build()) {
			assertThat(customized).hasValue(0);
			template.prompt("ping").call().content();
			template.prompt("ping").call().content();
			assertThat(customized).hasValue(1);
		}
	}

	@Test
	void aFailingCustomizerFailsTheFirstRequestWithTheProviderNamedAndTheNextRequestTriesAgain() {
		AtomicInteger attempts = new AtomicInteger();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = templateBuilder().transport(ReactorNettyTransport.create().customize((client) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalArgumentException("no such proxy host");
			}
			return client;
		})).build()) {
			assertThatIllegalStateException().isThrownBy(() -> template.prompt("ping").call().content())
				.withMessageContaining("chat provider 'aigc'")
				.withMessageContaining("no such proxy host")
				.withMessageContaining("the transport's customizers");
			assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
		}
	}

}
