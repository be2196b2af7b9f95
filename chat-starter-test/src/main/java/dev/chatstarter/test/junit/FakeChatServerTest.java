package dev.chatstarter.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a {@link dev.chatstarter.test.FakeChatServer}: one server is started before all tests of
 * the class, injected into any {@code FakeChatServer} parameter (constructor, lifecycle or test method), reset
 * after each test and closed after all tests.
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
