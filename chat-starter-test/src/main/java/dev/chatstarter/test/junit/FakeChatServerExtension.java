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
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.Assert;

import dev.chatstarter.test.FakeChatServer;

/**
 * A JUnit Jupiter extension that starts a {@link FakeChatServer} and injects it into
 * {@code FakeChatServer} parameters.
 * <ul>
 * <li>Registered on a class ({@link FakeChatServerTest @FakeChatServerTest},
 * {@code @ExtendWith}, or a {@code static} {@code @RegisterExtension} field): one server
 * for all tests of the class and its {@code @Nested} classes,
 * {@linkplain FakeChatServer#reset() reset} after each test, closed after all tests.</li>
 * <li>Registered on an instance field with {@code @RegisterExtension}: a new server for
 * each test, closed after it.</li>
 * </ul>
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static FakeChatServerExtension fake = new FakeChatServerExtension();
 *
 * &#64;Test
 * void greets() {
 * 	fake.server().enqueue(FakeResponse.text("Hello!"));
 * 	ChatTemplate chat = ChatTemplate.builder().baseUrl(fake.baseUrl()).build();
 * 	...
 * }
 * </pre>
 */
public final class FakeChatServerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeChatServerExtension.class);

	private static final String KEY = "server";

	private final int port;

	private volatile @Nullable FakeChatServer current;

	/**
	 * Create an extension whose server listens on a random free port.
	 */
	public FakeChatServerExtension() {
		this(0);
	}

	/**
	 * Create an extension whose server listens on the given port.
	 * @param port the port, or {@code 0} for a random free one
	 */
	public FakeChatServerExtension(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, "port must be between 0 and 65535");
		this.port = port;
	}

	/**
	 * Return the server of the running test.
	 * @return the server
	 * @throws IllegalStateException if no server was started yet
	 */
	public FakeChatServer server() {
		FakeChatServer server = this.current;
		Assert.state(server != null, "The fake chat server is not started yet: use it in or after @BeforeEach "
				+ "(or @BeforeAll with a static @RegisterExtension field)");
		return server;
	}

	/**
	 * Return the base URL of the server of the running test.
	 * @return {@code http://127.0.0.1:<port>/v1}
	 */
	public String baseUrl() {
		return server().baseUrl();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		serverFor(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		serverFor(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Holder holder = context.getStore(NAMESPACE).get(KEY, Holder.class);
		if (holder == null) {
			return;
		}
		if (holder.owner().equals(context.getUniqueId())) {
			close(context, holder);
		}
		else {
			holder.server().reset();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Holder holder = context.getStore(NAMESPACE).get(KEY, Holder.class);
		if (holder != null && holder.owner().equals(context.getUniqueId())) {
			close(context, holder);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeChatServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return serverFor(extensionContext);
	}

	/**
	 * Return the server visible from a context (its own or an enclosing one's), starting
	 * one owned by the context if there is none.
	 * @param context the extension context of the test, its class or an enclosing class
	 * @return the server, started
	 */
	private FakeChatServer serverFor(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		Holder holder = store.get(KEY, Holder.class);
		if (holder == null) {
			holder = new Holder(new FakeChatServer(this.port).start(), context.getUniqueId());
			store.put(KEY, holder);
		}
		this.current = holder.server();
		return holder.server();
	}

	private void close(ExtensionContext context, Holder holder) {
		context.getStore(NAMESPACE).remove(KEY);
		holder.server().close();
		if (this.current == holder.server()) {
			this.current = null;
		}
	}

	/**
	 * A server and the unique id of the context that started it (and closes it).
	 */
	private record Holder(FakeChatServer server, String owner) {
	}

}
