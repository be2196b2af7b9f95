/**
 * Spring TestContext support: {@link dev.chatstarter.test.spring.FakeChatProvider} starts a fake server per provider
 * name and points {@code chat.providers.<name>.base-url} at it.
 */
@NullMarked
package dev.chatstarter.test.spring;

import org.jspecify.annotations.NullMarked;
