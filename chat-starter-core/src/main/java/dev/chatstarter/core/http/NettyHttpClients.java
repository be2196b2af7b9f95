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

import io.netty.channel.ChannelOption;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Creates the Reactor Netty client both transports of core send on.
 */
final class NettyHttpClients {

	private NettyHttpClients() {
	}

	/**
	 * Create a client on a pool, with the connect timeout and HTTP version of a provider.
	 * @param settings the provider's settings
	 * @param connectionPool the pool
	 * @return the client
	 */
	static HttpClient create(HttpSettings settings, ConnectionProvider connectionPool) {
		HttpClient client = HttpClient.create(connectionPool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
		if (settings.httpVersion() == HttpVersion.HTTP_2) {
			boolean secure = settings.baseUrl().trim().regionMatches(true, 0, "https:", 0, 6);
			return secure ? client.protocol(HttpProtocol.H2, HttpProtocol.HTTP11).secure()
					: client.protocol(HttpProtocol.H2C, HttpProtocol.HTTP11);
		}
		// HTTP/1.1 is Reactor Netty's default: setting it anyway would initialise its
		// default TLS context and the
		// HTTP/3 native library at startup (about 300 ms), before any request needs them
		return client;
	}

	/**
	 * Compose two customizers: {@code first}, then {@code then}.
	 * @param first the customizer applied first
	 * @param then the customizer applied to its result
	 * @return the composition
	 */
	static UnaryOperator<HttpClient> andThen(UnaryOperator<HttpClient> first, UnaryOperator<HttpClient> then) {
		return (client) -> then.apply(first.apply(client));
	}

}
