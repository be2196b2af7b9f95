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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.error.ChatTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure modes that need control over the raw bytes and the socket: a stream that
 * stalls, a chunked body cut short, a connection reset in the middle of an answer. Each
 * ends within {@link FaultSupport#BOUND} in a typed exception, and the connection is
 * closed, not left open.
 */
class RawServerFaultTests {

	@RegisterExtension
	final MeteredPool pool = new MeteredPool("raw-server-fault-tests");

	private static final CountDownLatch NEVER = new CountDownLatch(1);

	private ChatTemplate.Builder builder(String baseUrl) {
		return transport(FaultSupport.builder(baseUrl).connectionProvider(this.pool.provider()));
	}

	/**
	 * Choose how the template sends; subclasses run the same tests through a
	 * {@code WebClient}.
	 * @param builder the template builder
	 * @return the builder
	 */
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder;
	}

	@Test
	void stalledStreamHitsTheIdleTimeout() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, FaultSupport.chunk("Hi"));
			NEVER.await(30, TimeUnit.SECONDS);
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
					.hasMessageContaining("stream-idle-timeout"))
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void stalledBodyHitsTheIdleTimeout() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "application/json", true);
			RawHttpServer.chunk(out, FaultSupport.ANSWER.substring(0, 20));
			NEVER.await(30, TimeUnit.SECONDS);
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").call().responseMono())
				.expectError(ChatTimeoutException.class)
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void truncatedChunkedStream() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, FaultSupport.chunk("Hi"));
			out.write("40\r\ndata: {\"id\"".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			throw new java.io.IOException("cut");
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfAny(ChatConnectionException.class,
						ChatIncompleteStreamException.class))
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void streamClosedCleanlyWithoutFinishIsIncomplete() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, FaultSupport.chunk("Hi"));
			out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectError(ChatIncompleteStreamException.class)
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void truncatedChunkedBody() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "application/json", true);
			out.write("100\r\n{\"id\":\"chatcmpl-1\",".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			throw new java.io.IOException("cut");
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").call().responseMono())
				.expectError(ChatConnectionException.class)
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void resetInTheMiddleOfAStream() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, FaultSupport.chunk("Hi"));
			throw new RawHttpServer.Reset();
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatException.class)
					.isInstanceOfAny(ChatConnectionException.class, ChatIncompleteStreamException.class))
				.verify(FaultSupport.BOUND);
		}
	}

	@Test
	void resetBeforeAnyByte() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			throw new RawHttpServer.Reset();
		})) {
			ChatTemplate template = builder(server.baseUrl()).build();
			StepVerifier.create(template.prompt("hi").call().responseMono())
				.expectError(ChatConnectionException.class)
				.verify(FaultSupport.BOUND);
		}
	}

}
