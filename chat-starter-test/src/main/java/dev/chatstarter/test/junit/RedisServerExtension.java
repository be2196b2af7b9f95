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

package dev.chatstarter.test.junit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.Assert;

import dev.chatstarter.test.redis.RedisServer;

/**
 * A JUnit Jupiter extension that starts a real {@link RedisServer} (the system's
 * {@code redis-server}, on a free loopback port) before the tests of a class and stops it
 * after them, and injects it into {@code RedisServer} parameters. Register it on a
 * {@code static} field, so that its port is known when Spring contexts are configured:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static RedisServerExtension redis = new RedisServerExtension();
 *
 * &#64;DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 * 	registry.add("spring.data.redis.port", () -&gt; redis.server().port());
 * }
 * </pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private volatile @Nullable RedisServer server;

	/**
	 * Return the running server.
	 * @return the server
	 * @throws IllegalStateException before the tests of the class started
	 */
	public RedisServer server() {
		RedisServer running = this.server;
		Assert.state(running != null, "The Redis server is not started yet: register the extension on a static field");
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.server == null) {
			this.server = RedisServer.start();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		RedisServer running = this.server;
		if (running != null && context.getParent().flatMap(ExtensionContext::getParent).isEmpty()) {
			this.server = null;
			running.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

}
