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

package dev.chatstarter.test.spring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.util.Assert;

import dev.chatstarter.test.FakeChatServer;

/**
 * The fake servers started for a test's {@link FakeChatProvider} annotations, by provider
 * name; registered as the bean {@code fakeChatServers}. Thread-safe once built.
 */
public final class FakeChatServers implements AutoCloseable {

	/** The name of the bean holding all servers. */
	public static final String BEAN_NAME = "fakeChatServers";

	/** The prefix of the bean name of each server; the provider name follows. */
	public static final String SERVER_BEAN_NAME_PREFIX = "fakeChatServer.";

	private final Map<String, FakeChatServer> servers;

	/**
	 * Create a registry.
	 * @param servers the servers by provider name
	 */
	public FakeChatServers(Map<String, FakeChatServer> servers) {
		Assert.notNull(servers, "servers must not be null");
		this.servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
	}

	/**
	 * Return the server of a provider.
	 * @param provider the provider name
	 * @return the server
	 * @throws IllegalArgumentException if no server was started for the provider
	 */
	public FakeChatServer get(String provider) {
		FakeChatServer server = this.servers.get(provider);
		Assert.isTrue(server != null,
				() -> "No fake chat server for provider '" + provider + "'; known: " + this.servers.keySet());
		return server;
	}

	/**
	 * Return the provider names, in declaration order.
	 * @return the names
	 */
	public Set<String> names() {
		return this.servers.keySet();
	}

	/**
	 * {@linkplain FakeChatServer#reset() Reset} every server.
	 */
	public void resetAll() {
		this.servers.values().forEach(FakeChatServer::reset);
	}

	/**
	 * Close every server.
	 */
	@Override
	public void close() {
		this.servers.values().forEach(FakeChatServer::close);
	}

	@Override
	public String toString() {
		return "FakeChatServers" + this.servers;
	}

}
