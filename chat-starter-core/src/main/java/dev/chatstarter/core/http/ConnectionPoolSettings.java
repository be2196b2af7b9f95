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

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.netty.resources.ConnectionProvider;

/**
 * The connection pool a template creates for its provider. Chat calls are slow (seconds
 * to minutes) and every in-flight call or stream holds one HTTP/1.1 connection, so the
 * defaults let the pool grow with the application's concurrency instead of queueing
 * callers behind a small pool: a deliberate cap belongs in the client-side limits
 * ({@code ProviderLimits}), which fail or queue with a clear error.
 *
 * @param maxConnections the most connections open at once
 * @param maxPendingAcquires the most callers waiting for a connection when all are busy,
 * or {@code -1} for no limit
 * @param pendingAcquireTimeout the longest a caller waits for a connection
 * @param maxIdleTime how long an idle connection is kept; shorter than the provider's
 * keep-alive so that a request is never sent on a connection the server is closing
 * @param maxLifeTime how long a connection is used at most, or {@code null} for no limit
 */
public record ConnectionPoolSettings(int maxConnections, int maxPendingAcquires, Duration pendingAcquireTimeout,
		Duration maxIdleTime, @Nullable Duration maxLifeTime) {

	/** The default of {@link #maxConnections()}. */
	public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

	/** The default of {@link #pendingAcquireTimeout()}. */
	public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

	/** The default of {@link #maxIdleTime()}. */
	public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);

	private static final ConnectionPoolSettings DEFAULTS = new ConnectionPoolSettings(DEFAULT_MAX_CONNECTIONS, -1,
			DEFAULT_PENDING_ACQUIRE_TIMEOUT, DEFAULT_MAX_IDLE_TIME, null);

	public ConnectionPoolSettings {
		Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
		Assert.isTrue(maxPendingAcquires == -1 || maxPendingAcquires > 0,
				"maxPendingAcquires must be positive, or -1 for no limit");
		Assert.isTrue(isPositive(pendingAcquireTimeout), "pendingAcquireTimeout must be positive");
		Assert.isTrue(isPositive(maxIdleTime), "maxIdleTime must be positive");
		Assert.isTrue(maxLifeTime == null || isPositive(maxLifeTime), "maxLifeTime must be positive");
	}

	/**
	 * Return the defaults: up to {@value #DEFAULT_MAX_CONNECTIONS} connections, no limit
	 * on waiting callers, a 60 s acquire timeout and connections idle for more than 30 s
	 * closed.
	 * @return the defaults
	 */
	public static ConnectionPoolSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Create a pool with these settings.
	 * @param name the pool's name, shown in Reactor Netty's logs and metrics
	 * @return a new pool; its creator disposes of it
	 */
	public ConnectionProvider create(String name) {
		ConnectionProvider.Builder builder = ConnectionProvider.builder(name)
			.maxConnections(this.maxConnections)
			.pendingAcquireMaxCount(this.maxPendingAcquires)
			.pendingAcquireTimeout(this.pendingAcquireTimeout)
			.maxIdleTime(this.maxIdleTime);
		if (this.maxLifeTime != null) {
			builder.maxLifeTime(this.maxLifeTime);
		}
		return builder.build();
	}

	private static boolean isPositive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
