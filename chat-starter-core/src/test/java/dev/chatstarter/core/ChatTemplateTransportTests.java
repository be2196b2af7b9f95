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
import java.util.function.UnaryOperator;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.http.WebClientTransport;
import dev.chatstarter.core.model.ModelInfo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a request carries and how an error answer is read are the same whether a template
 * sends straight on Reactor Netty (the default) or through a {@code WebClient}; only the
 * latter runs the builder's filters.
 */
class ChatTemplateTransportTests extends WireMockSupport {

	@ParameterizedTest
	@EnumSource(Transport.class)
	void sendsTheProvidersHeadersAndKeepsTheBaseUrlsQuery(Transport transport) {
		wireMock.stubFor(
				post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21").willReturn(okJson(PONG)));
		wireMock.stubFor(get("/openai/deployments/gpt-4o/models?api-version=2024-10-21")
			.willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}")));
		try (ChatTemplate template = transport
			.apply(templateBuilder().baseUrl(baseUrl() + "/openai/deployments/gpt-4o?api-version=2024-10-21")
				.defaultHeader("X-Team", "search"))
			.build()) {
			assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
			assertThat(template.models()).extracting(ModelInfo::id).containsExactly("gpt-4o");
		}
		wireMock.verify(1,
				postRequestedFor(urlEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY))
					.withHeader("Accept", equalTo("application/json"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withHeader("X-Team", equalTo("search")));
		wireMock.verify(1,
				getRequestedFor(urlEqualTo("/openai/deployments/gpt-4o/models?api-version=2024-10-21"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY))
					.withHeader("X-Team", equalTo("search"))
					.withHeader("Content-Type", absent()));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void withoutAnApiKeyNoAuthorizationIsSent(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = transport.apply(templateBuilder().apiKey(null)).build()) {
			template.prompt("ping").call().content();
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anErrorAnswerBecomesATypedExceptionWithTheProvidersMessage(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "7")
			.withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\"}}")));
		try (ChatTemplate template = transport.apply(templateBuilder().retryPolicy(RetryPolicy.none())).build()) {
			ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());
			assertThat(ex).isInstanceOf(ChatRateLimitException.class);
			assertThat(ex.getStatusCode()).isEqualTo(429);
			assertThat(ex.getProviderMessage()).isEqualTo("Rate limit reached for gpt-4o");
			assertThat(((ChatRateLimitException) ex).getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aContentTypeThatCannotBeParsedDoesNotFailACallOrAStream(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "json;;;=").withBody(PONG)));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "event stream")
				.withBody(
						"""
								data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"pong"},"finish_reason":"stop"}]}

								data: [DONE]

								""")));
		try (ChatTemplate template = transport.apply(templateBuilder()).build()) {
			assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
			assertThat(template.prompt("ping").stream().content().collectList().block()).containsExactly("pong");
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void theWebClientBuildersFiltersRunOnlyThroughWebClient(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		WebClient.Builder filtered = WebClient.builder()
			.filter((request, next) -> next.exchange(ClientRequest.from(request).header("X-Filter", "ran").build()));
		ChatTemplate.Builder builder = templateBuilder();
		if (transport == Transport.WEB_CLIENT) {
			builder.transport(WebClientTransport.of(filtered));
		}
		try (ChatTemplate template = builder.build()) {
			template.prompt("ping").call().content();
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("X-Filter",
				(transport == Transport.WEB_CLIENT) ? equalTo("ran") : absent()));
	}

	@Test
	void anErrorResponseAFilterRaisesIsReadLikeTheProvidersOwn() {
		WebClient.Builder raising = WebClient.builder()
			.filter((request, next) -> next.exchange(request)
				.flatMap((response) -> response.createException().flatMap(Mono::error)));
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Invalid token\",\"code\":\"invalid_api_key\"}}")));
		try (ChatTemplate template = templateBuilder().transport(WebClientTransport.of(raising)).build()) {
			ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());
			assertThat(ex).isInstanceOf(ChatAuthenticationException.class);
			assertThat(ex.getStatusCode()).isEqualTo(401);
			assertThat(ex.getProviderMessage()).isEqualTo("Invalid token");
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void headersATracingHandlerPropagatesAreSentWithTheCallsRequests(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(
						"""
								data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"pong"},"finish_reason":"stop"}]}

								data: [DONE]

								""")));
		wireMock.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}")));
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new PropagatingHandler());
		try (ChatTemplate template = transport.apply(templateBuilder().observationRegistry(registry)).build()) {
			template.prompt("ping").call().content();
			assertThat(template.prompt("ping").stream().content().collectList().block()).containsExactly("pong");
			template.models();
		}
		wireMock.verify(2,
				postRequestedFor(urlEqualTo("/v1/chat/completions"))
					.withHeader("traceparent", equalTo(PropagatingHandler.TRACEPARENT))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/models")).withHeader("traceparent",
				equalTo(PropagatingHandler.TRACEPARENT)));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void withoutAPropagatingHandlerNoTraceHeaderIsSent(Transport transport) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = transport
			.apply(templateBuilder().observationRegistry(ObservationRegistry.create()))
			.build()) {
			template.prompt("ping").call().content();
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("traceparent", absent()));
	}

	/**
	 * Writes a fixed trace context into the carrier of every client call, as Micrometer
	 * Tracing's {@code PropagatingSenderTracingObservationHandler} does.
	 */
	static final class PropagatingHandler implements ObservationHandler<SenderContext<Object>> {

		static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

		@Override
		public void onStart(SenderContext<Object> context) {
			context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof SenderContext;
		}

	}

	/**
	 * The two ways a template sends.
	 */
	enum Transport implements UnaryOperator<ChatTemplate.Builder> {

		REACTOR_NETTY {

			@Override
			public ChatTemplate.Builder apply(ChatTemplate.Builder builder) {
				return builder;
			}

		},

		WEB_CLIENT {

			@Override
			public ChatTemplate.Builder apply(ChatTemplate.Builder builder) {
				return builder.transport(WebClientTransport.of(WebClient.builder()));
			}

		}

	}

}
