/**
 * A scriptable, in-process fake of an OpenAI-compatible provider for tests and offline demos:
 * {@link dev.chatstarter.test.FakeChatServer}, the answers it gives ({@link dev.chatstarter.test.FakeResponse},
 * {@link dev.chatstarter.test.ChatResponder}, {@link dev.chatstarter.test.DemoResponder}) and the requests it
 * records ({@link dev.chatstarter.test.RecordedRequest}).
 */
@NullMarked
package dev.chatstarter.test;

import org.jspecify.annotations.NullMarked;
