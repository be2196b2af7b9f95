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
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.RetryPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What one call overrides, against WireMock: a tenant's own key (sent in place of the
 * template's key or pool, only to the template's provider, never in an error), extra
 * headers and a response timeout.
 */
class ChatTemplateCallOverridesTests extends WireMockSupport {

	private static final String TENANT_KEY = "sk-tenant-Tt1Ee2Nn3Aa4Nn5Tt6Kk7";

	private static final String STREAM = """
			data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"pong"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	@Test
	void aTenantKeyReplacesTheTemplatesKeyForOneCall() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = template();

		template.prompt("hi").apiKey(TENANT_KEY).call().content();
		template.prompt("hi").call().content();

		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization",
				equalTo("Bearer " + TENANT_KEY)));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization",
				equalTo("Bearer " + API_KEY)));
	}

	@Test
	void aTenantKeyBypassesTheKeyPool() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = templateBuilder().apiKey(null)
			.keyPool(ApiKeyPool.of(List.of("sk-pool-Aa1Bb2Cc3Dd4Ee5Ff6", "sk-pool-Gg7Hh8Ii9Jj0Kk1Ll2")))
			.build();

		template.prompt("hi").apiKey(TENANT_KEY).stream().content().blockLast(Duration.ofSeconds(10));

		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization",
				equalTo("Bearer " + TENANT_KEY)));
		assertThat(template.keyPoolState().keys()).allSatisfy((key) -> assertThat(key.calls()).isZero());
	}

	@Test
	void aStreamSendsTheTenantKeyToo() {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM)));

		List<String> content = template().prompt("hi")
			.apiKey(TENANT_KEY)
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(content).containsExactly("pong");
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization",
				equalTo("Bearer " + TENANT_KEY)));
	}

	@Test
	void aTenantKeyEchoedByTheProviderIsRedacted() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + TENANT_KEY.substring(0, 20)
					+ "... full " + TENANT_KEY + "\",\"code\":\"invalid_api_key\"}}")));

		ChatException failure = catchThrowableOfType(ChatAuthenticationException.class,
				() -> template().prompt("hi").apiKey(TENANT_KEY).call().content());

		assertThat(failure.getMessage()).doesNotContain(TENANT_KEY).contains("Incorrect API key provided");
		assertThat(String.valueOf(failure.getRawExcerpt())).doesNotContain(TENANT_KEY);
		assertThat(String.valueOf(failure.getProviderMessage())).doesNotContain(TENANT_KEY);
	}

	@Test
	void aFallbackToAnotherProviderSendsItsOwnKeyNotTheTenants() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(post("/backup/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate backup = ChatTemplate.builder()
			.provider("lalc")
			.baseUrl(baseUrl() + "/backup/v1")
			.apiKey("sk-backup-Bb1Aa2Cc3Kk4Uu5Pp6")
			.defaultOptions((options) -> options.model("gpt-4o"))
			.build();
		ChatTemplate primary = templateBuilder().retryPolicy(RetryPolicy.none()).fallback(backup).build();

		assertThat(primary.prompt("hi").apiKey(TENANT_KEY).header("X-Tenant", "acme").call().content())
			.isEqualTo("pong");

		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer " + TENANT_KEY))
			.withHeader("X-Tenant", equalTo("acme")));
		wireMock.verify(postRequestedFor(urlEqualTo("/backup/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-backup-Bb1Aa2Cc3Kk4Uu5Pp6"))
			.withoutHeader("X-Tenant"));
	}

	@Test
	void aCallsResponseTimeoutReplacesTheTemplates() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG).withFixedDelay(2_000)));
		ChatTemplate template = templateBuilder().retryPolicy(RetryPolicy.none())
			.responseTimeout(Duration.ofSeconds(30))
			.build();

		ChatTimeoutException failure = catchThrowableOfType(ChatTimeoutException.class,
				() -> template.prompt("hi").responseTimeout(Duration.ofMillis(200)).call().content());

		assertThat(failure.getMessage()).contains("no answer within 200 ms");
	}

}
