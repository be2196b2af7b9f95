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

package dev.chatstarter.core.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * Sends on a {@link WebClient} cloned from the application's {@link WebClient.Builder},
 * so that its filters, codecs and observations (Spring Boot's
 * {@code http.client.requests}, trace propagation) apply to chat calls; the template's
 * own Reactor Netty client is installed as its connector. An error response that a filter
 * raises as a {@link WebClientResponseException} is handed to the handler like any other
 * answer.
 */
final class WebClientConnection implements ProviderConnection {

	private final WebClient webClient;

	WebClientConnection(HttpSettings settings, WebClient.Builder builder, HttpClient httpClient) {
		this.webClient = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.defaultHeaders((headers) -> {
				headers.addAll(settings.headers());
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				if (settings.apiKey() != null) {
					headers.setBearerAuth(settings.apiKey());
				}
			})
			.build();
	}

	@Override
	public Flux<DataBuffer> exchange(HttpMethod method, URI uri, byte @Nullable [] body, Map<String, String> headers,
			ResponseHandler handler) {
		WebClient.RequestBodySpec request = this.webClient.method(method).uri(uri);
		if (!headers.isEmpty()) {
			request.headers((requestHeaders) -> headers.forEach(requestHeaders::set));
		}
		WebClient.RequestHeadersSpec<?> spec = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		return spec
			.exchangeToFlux((response) -> handler.handle(response.statusCode().value(),
					response.headers().asHttpHeaders(), response.bodyToFlux(DataBuffer.class)))
			.onErrorResume(WebClientResponseException.class, (error) -> handler.handle(error.getStatusCode().value(),
					error.getHeaders(),
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(error.getResponseBodyAsByteArray()))));
	}

}
