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

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends through a {@link WebClient} built from an application's {@link WebClient.Builder}
 * (e.g. Spring Boot's), so that its filters, codecs and observations
 * ({@code http.client.requests}, trace propagation) apply to chat calls. The builder is
 * cloned, never modified; the template's own Reactor Netty client, on its pool, becomes
 * its connector. Needs {@code spring-webflux} on the class path. Immutable:
 * {@link #customize} returns a new transport.
 */
public final class WebClientTransport implements ChatTransport {

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final UnaryOperator<HttpClient> customizer;

	private WebClientTransport(Supplier<WebClient.Builder> webClientBuilder, UnaryOperator<HttpClient> customizer) {
		this.webClientBuilder = webClientBuilder;
		this.customizer = customizer;
	}

	/**
	 * Return a transport that sends through a {@code WebClient} built from a copy of this
	 * builder.
	 * @param webClientBuilder the builder, cloned at once
	 * @return the transport
	 */
	public static WebClientTransport of(WebClient.Builder webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		WebClient.Builder copy = webClientBuilder.clone();
		return new WebClientTransport(() -> copy, UnaryOperator.identity());
	}

	/**
	 * Return a transport that gets its builder when the provider's first request needs
	 * the HTTP stack, for example Spring Boot's through an {@code ObjectProvider}:
	 * building a template then creates neither the builder nor the HTTP stack, which
	 * keeps start-up short.
	 * @param webClientBuilder supplies the builder, once; it is cloned
	 * @return the transport
	 */
	public static WebClientTransport of(Supplier<WebClient.Builder> webClientBuilder) {
		Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
		return new WebClientTransport(webClientBuilder, UnaryOperator.identity());
	}

	/**
	 * Return a transport that also customizes the Reactor Netty {@link HttpClient} of the
	 * connector, e.g. for TLS settings or a proxy, after the template has applied its
	 * connect timeout and HTTP version.
	 * @param customizer the customizer
	 * @return a new transport
	 */
	public WebClientTransport customize(UnaryOperator<HttpClient> customizer) {
		Assert.notNull(customizer, "customizer must not be null");
		return new WebClientTransport(this.webClientBuilder, NettyHttpClients.andThen(this.customizer, customizer));
	}

	@Override
	public ProviderConnection connect(HttpSettings settings, ConnectionProvider connectionPool) {
		return new WebClientConnection(settings, this.webClientBuilder.get(),
				this.customizer.apply(NettyHttpClients.create(settings, connectionPool)));
	}

}
