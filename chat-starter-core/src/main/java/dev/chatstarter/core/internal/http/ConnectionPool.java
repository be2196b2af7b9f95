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

package dev.chatstarter.core.internal.http;

import org.springframework.util.Assert;
import reactor.netty.resources.ConnectionProvider;

import dev.chatstarter.core.http.ConnectionPoolSettings;

/**
 * The connection pool of a provider: either created from {@link ConnectionPoolSettings}
 * when the first request needs it (Reactor Netty's pool and HTTP stack take a few hundred
 * milliseconds to load, which start-up need not pay), or one the caller made and manages.
 * Thread-safe. Applications choose it through
 * {@code ChatTemplate.Builder.connectionPool(..)} or {@code connectionProvider(..)}.
 */
public final class ConnectionPool {

	private final Lazy<ConnectionProvider> provider;

	private ConnectionPool(Lazy<ConnectionProvider> provider) {
		this.provider = provider;
	}

	/**
	 * A pool created from settings on first use.
	 * @param name the pool's name, in Reactor Netty's metrics and logs
	 * @param settings the pool's limits
	 * @return the pool
	 */
	public static ConnectionPool onFirstUse(String name, ConnectionPoolSettings settings) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(settings, "settings must not be null");
		return new ConnectionPool(Lazy.of(() -> settings.create(name)));
	}

	/**
	 * A pool the caller made.
	 * @param provider the caller's connection provider
	 * @return the pool
	 */
	public static ConnectionPool of(ConnectionProvider provider) {
		return new ConnectionPool(Lazy.created(provider));
	}

	/**
	 * Return the connection provider, creating it on the first call.
	 * @return the connection provider
	 */
	public ConnectionProvider get() {
		return this.provider.get();
	}

	/**
	 * Whether the connection provider exists yet.
	 * @return {@code true} once {@link #get()} was called, or for a caller's pool
	 */
	public boolean isCreated() {
		return this.provider.getIfCreated() != null;
	}

	/**
	 * Close the pool's connections, if it was created.
	 */
	public void dispose() {
		ConnectionProvider provider = this.provider.getIfCreated();
		if (provider != null) {
			provider.dispose();
		}
	}

}
