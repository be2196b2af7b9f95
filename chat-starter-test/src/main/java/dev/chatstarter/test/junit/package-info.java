/**
 * JUnit Jupiter support: {@link dev.chatstarter.test.junit.FakeChatServerExtension} and
 * {@link dev.chatstarter.test.junit.FakeChatServerTest}.
 */
@NullMarked
package dev.chatstarter.test.junit;

import org.jspecify.annotations.NullMarked;
