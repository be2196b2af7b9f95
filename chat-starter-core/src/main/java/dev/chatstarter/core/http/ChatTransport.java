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

import reactor.netty.resources.ConnectionProvider;

/**
 * How a template sends its HTTP requests: the strategy behind a {@code ChatTemplate}, as
 * a {@code ClientHttpRequestFactory} is behind a {@code RestClient}. Two come with core:
 * {@link ReactorNettyTransport} (the default, straight on Reactor Netty, with the least
 * work per request) and {@link WebClientTransport} (through an application's
 * {@code WebClient.Builder}, so that its filters and observations apply; it needs
 * {@code spring-webflux}). Set one with {@code ChatTemplate.Builder.transport(..)}.
 * <p>
 * A template connects on its provider's first request, not when it is built: creating an
 * HTTP stack loads a few thousand classes, which start-up need not pay for.
 */
@FunctionalInterface
public interface ChatTransport {

	/**
	 * Connect to one provider.
	 * @param settings how to reach the provider: base URL, API key, headers, timeouts and
	 * HTTP version
	 * @param connectionPool the Reactor Netty connection pool of the template, which owns
	 * it
	 * @return the connection the template sends every request of the provider on
	 */
	ProviderConnection connect(HttpSettings settings, ConnectionProvider connectionPool);

}
