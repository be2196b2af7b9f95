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

import java.util.function.UnaryOperator;

import org.springframework.util.Assert;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends straight on Reactor Netty's {@link HttpClient}, the default
 * {@link ChatTransport}: the provider's headers are set once on the client, the body is
 * written as it is, and the answer's buffers are handed on without copies. No
 * {@code WebClient} layer (filters, codecs, exchange functions) runs per request.
 * Immutable: {@link #customize} returns a new transport.
 */
public final class ReactorNettyTransport implements ChatTransport {

	private static final ReactorNettyTransport DEFAULT = new ReactorNettyTransport(UnaryOperator.identity());

	private final UnaryOperator<HttpClient> customizer;

	private ReactorNettyTransport(UnaryOperator<HttpClient> customizer) {
		this.customizer = customizer;
	}

	/**
	 * Return the transport with Reactor Netty's defaults.
	 * @return the transport
	 */
	public static ReactorNettyTransport create() {
		return DEFAULT;
	}

	/**
	 * Return a transport that also customizes the {@link HttpClient}, e.g. for TLS
	 * settings or a proxy, after the template has applied its connect timeout and HTTP
	 * version (and after the customizers set before).
	 * @param customizer the customizer
	 * @return a new transport
	 */
	public ReactorNettyTransport customize(UnaryOperator<HttpClient> customizer) {
		Assert.notNull(customizer, "customizer must not be null");
		return new ReactorNettyTransport(NettyHttpClients.andThen(this.customizer, customizer));
	}

	@Override
	public ProviderConnection connect(HttpSettings settings, ConnectionProvider connectionPool) {
		return new ReactorNettyConnection(settings,
				this.customizer.apply(NettyHttpClients.create(settings, connectionPool)));
	}

}
