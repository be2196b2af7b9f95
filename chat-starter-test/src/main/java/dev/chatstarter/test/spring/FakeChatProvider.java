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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wires a {@link dev.chatstarter.test.FakeChatServer} as a chat provider of a Spring
 * test's application context. Before the context is refreshed, a server is started for
 * each annotated provider name and
 * <ul>
 * <li>the properties {@code chat.providers.<name>.base-url} (the server's {@code /v1}
 * URL) and {@code chat.providers.<name>.api-key} are added to the environment, ahead of
 * every other property source;</li>
 * <li>the server is registered as the bean {@code fakeChatServer.<name>}, and all of them
 * in the {@link FakeChatServers} bean {@code fakeChatServers};</li>
 * <li>the servers are closed with the context.</li>
 * </ul>
 * Works with {@code @SpringBootTest}, {@code @SpringJUnitConfig} and any other Spring
 * TestContext test; repeat it for several providers. Test classes with the same providers
 * share a cached context, so {@link dev.chatstarter.test.FakeChatServer#reset() reset}
 * the servers between tests that script them.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;FakeChatProvider(name = "demo")
 * class ChatControllerTests {
 *
 * 	&#64;Autowired
 * 	FakeChatServers servers;
 *
 * 	&#64;Test
 * 	void answers() {
 * 		servers.get("demo").enqueue(FakeResponse.text("Hello!"));
 * 		...
 * 	}
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(FakeChatProviders.class)
public @interface FakeChatProvider {

	/**
	 * The provider name: the {@code <name>} of {@code chat.providers.<name>.*}.
	 * @return the name
	 */
	String name();

	/**
	 * The API key to configure; the fake server accepts any key.
	 * @return the key
	 */
	String apiKey() default "sk-fake-chat-server";

}
