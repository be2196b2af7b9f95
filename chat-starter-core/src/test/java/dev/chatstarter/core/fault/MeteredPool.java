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

package dev.chatstarter.core.fault;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection pool for the templates of one test, with Reactor Netty's pool metrics:
 * after each test it must have no connection acquired and no caller waiting (within a few
 * seconds, for connections being closed), whatever way the test's calls ended. Register
 * it as an instance field with {@code @RegisterExtension}.
 */
final class MeteredPool implements AfterEachCallback {

	private final AtomicReference<ConnectionPoolMetrics> metrics = new AtomicReference<>();

	private final ConnectionProvider provider;

	MeteredPool(String name) {
		this.provider = ConnectionProvider.builder(name)
			.maxConnections(4)
			.metrics(true, () -> (poolName, id, remoteAddress, metrics) -> this.metrics.set(metrics))
			.build();
	}

	/**
	 * Return the pool, to hand to {@code ChatTemplate.Builder.connectionProvider(..)}.
	 * @return the pool
	 */
	ConnectionProvider provider() {
		return this.provider;
	}

	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		try {
			ConnectionPoolMetrics metrics = this.metrics.get();
			assertThat(metrics).as("the pool was used").isNotNull();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (metrics.acquiredSize() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(metrics.acquiredSize()).as("connections still acquired from the pool").isZero();
			assertThat(metrics.pendingAcquireSize()).as("callers still waiting for a connection").isZero();
		}
		finally {
			this.provider.disposeLater().block(Duration.ofSeconds(10));
		}
	}

}
