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

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.model.ModelAliases;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Model aliases, against WireMock: the id sent, aliases of aliases, names that pass
 * through, each provider of a fallback chain mapping with its own aliases, and cycles.
 */
class ChatTemplateModelAliasTests extends WireMockSupport {

	@Test
	void anAliasSendsTheProvidersOwnId() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = templateBuilder()
			.modelAliases(Map.of("fast", "gpt-4o-mini", "smart", "gpt-4.1-2025-04-14"))
			.build();

		template.prompt("hi").options((options) -> options.model("smart")).call().content();
		template.prompt("hi").options((options) -> options.model("o3-mini")).call().content();

		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-2025-04-14"))));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("o3-mini"))));
	}

	@Test
	void theDefaultModelAndStreamsAreMappedTooAndAliasesOfAliasesAreFollowed() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate template = templateBuilder().defaultOptions((options) -> options.model("default"))
			.modelAliases(Map.of("default", "smart", "smart", "gpt-4.1"))
			.build();

		template.prompt("hi").call().content();

		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1"))));
	}

	@Test
	void eachProviderOfAFallbackChainMapsTheAliasItself() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(post("/backup/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate backup = ChatTemplate.builder()
			.provider("lalc")
			.baseUrl(baseUrl() + "/backup/v1")
			.modelAliases(Map.of("smart", "gpt-4.1-lalc"))
			.build();
		ChatTemplate primary = templateBuilder().modelAliases(Map.of("smart", "gpt-4.1-aigc"))
			.retryPolicy(RetryPolicy.none())
			.fallback(backup)
			.build();

		assertThat(primary.prompt("hi").options((options) -> options.model("smart")).call().content())
			.isEqualTo("pong");

		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-aigc"))));
		wireMock.verify(postRequestedFor(urlEqualTo("/backup/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-lalc"))));
	}

	@Test
	void aCycleIsRefusedWithItsPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelAliases.of(Map.of("a", "b", "b", "c", "c", "a")))
			.withMessageContaining("model aliases form a cycle")
			.withMessageContaining(" -> ");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelAliases.of(Map.of("self", "self")));
		assertThat(ModelAliases.of(Map.of("a", "b", "b", "c")).resolve("a")).isEqualTo("c");
		assertThat(ModelAliases.none().resolve("gpt-4o")).isEqualTo("gpt-4o");
		assertThat(ModelAliases.none().resolve(null)).isNull();
	}

}
