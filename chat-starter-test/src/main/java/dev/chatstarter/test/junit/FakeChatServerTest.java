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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a {@link dev.chatstarter.test.FakeChatServer}: one server is
 * started before all tests of the class, injected into any {@code FakeChatServer}
 * parameter (constructor, lifecycle or test method), reset after each test and closed
 * after all tests.
 *
 * <pre class="code">
 * &#64;FakeChatServerTest
 * class GreetingTests {
 *
 * 	&#64;Test
 * 	void greets(FakeChatServer server) {
 * 		server.enqueue(FakeResponse.text("Hello!"));
 * 		...
 * 	}
 *
 * }
 * </pre>
 *
 * @see FakeChatServerExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeChatServerExtension.class)
public @interface FakeChatServerTest {

}
