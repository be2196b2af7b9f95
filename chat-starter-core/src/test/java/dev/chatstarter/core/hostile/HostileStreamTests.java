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

package dev.chatstarter.core.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.error.ChatResponseTooLargeException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.fault.RawHttpServer;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * C7 and C11: a hostile provider holds a call neither longer than its deadline nor with
 * more memory than the stream's limit. Every test ends within
 * {@link HostileProvider#BOUND} (a guard against hangs, not a performance assertion) and,
 * where the provider would go on, checks that the connection was closed.
 */
class HostileStreamTests {

	private static final int EVENT_BYTES = 64 * 1024;

	/**
	 * Load the HTTP stack once, so that the first test's deadline is not spent on class
	 * loading.
	 */
	@BeforeAll
	static void warmUp() throws Exception {
		try (RawHttpServer server = new RawHttpServer(
				HostileProvider.pacedStream(1, Duration.ZERO, new AtomicInteger()));
				ChatTemplate template = HostileProvider.builder(server.baseUrl()).build()) {
			template.prompt("warm up").timeout(HostileProvider.BOUND).stream().content().blockLast();
		}
	}

	@Test
	void contentStreamPastTheLimitIsCancelled() throws Exception {
		try (RawHttpServer server = new RawHttpServer(HostileProvider.contentStream(Long.MAX_VALUE, EVENT_BYTES));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.maxStreamSize(DataSize.ofMegabytes(1))
					.build()) {
			assertEndsWithClosedConnection(template.prompt("hi").stream().content(), server,
					ChatResponseTooLargeException.class, "max-stream-size");
		}
	}

	@Test
	void toolArgumentStreamPastTheLimitIsCancelledBeforeTheToolRuns() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		try (RawHttpServer server = new RawHttpServer(HostileProvider.toolArgumentStream(1L << 40, EVENT_BYTES));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.maxStreamSize(DataSize.ofMegabytes(1))
					.build()) {
			StepVerifier.create(template.prompt("hi").tools(HostileProvider.echoTool(runs)).stream().response())
				.expectError(ChatResponseTooLargeException.class)
				.verify(HostileProvider.BOUND);
			assertThat(server.awaitClientClosed(5)).as("the connection was closed").isTrue();
			assertThat(runs).hasValue(0);
		}
	}

	@Test
	void keepAliveOnlyStreamEndsByTheIdleTimeout() throws Exception {
		AtomicInteger keepAlives = new AtomicInteger();
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, HostileProvider.contentEvent("Hi"));
			for (int i = 0; i < 600; i++) {
				// a comment, and an event whose data is a keep-alive: neither is activity
				RawHttpServer.chunk(out, (i % 2 == 0) ? ": keep-alive\n\n" : "data: ping\n\n");
				keepAlives.incrementAndGet();
				Thread.sleep(50);
			}
		}); ChatTemplate template = HostileProvider.builder(server.baseUrl()).build()) {
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
					.hasMessageContaining("stream-idle-timeout"))
				.verify(HostileProvider.BOUND);
			assertThat(keepAlives.get()).as("keep-alives sent within the idle timeout").isGreaterThan(5);
			assertThat(server.awaitClientClosed(5)).as("the connection was closed").isTrue();
		}
	}

	@Test
	void eventTrickledByteByByteEndsByTheIdleTimeout() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, HostileProvider.contentEvent("Hi"));
			for (byte b : HostileProvider.contentEvent("x".repeat(500)).getBytes(StandardCharsets.UTF_8)) {
				RawHttpServer.chunk(out, String.valueOf((char) b));
				Thread.sleep(20);
			}
		}); ChatTemplate template = HostileProvider.builder(server.baseUrl()).build()) {
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNext("Hi")
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
					.hasMessageContaining("stream-idle-timeout"))
				.verify(HostileProvider.BOUND);
		}
	}

	@Test
	void trickledBlockingBodyEndsAtTheCallTimeout() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "application/json", false);
			for (byte b : HostileProvider.ANSWER.getBytes(StandardCharsets.UTF_8)) {
				out.write(b);
				out.flush();
				Thread.sleep(50);
			}
		});
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.callTimeout(Duration.ofSeconds(1))
					.build()) {
			Bounded.run(HostileProvider.BOUND,
					() -> assertThatExceptionOfType(ChatTimeoutException.class)
						.isThrownBy(() -> template.prompt("hi").call().content())
						.withMessageContaining("1000 ms")
						.withMessageContaining("chat.providers.hostile.call-timeout"));
			assertThat(server.awaitClientClosed(5)).as("the connection was closed").isTrue();
		}
	}

	@Test
	void endlessStreamEndsAtTheCallTimeout() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		try (RawHttpServer server = new RawHttpServer(
				HostileProvider.pacedStream(Integer.MAX_VALUE, Duration.ofMillis(20), sent));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.callTimeout(Duration.ofSeconds(1))
					.build()) {
			assertEndsWithClosedConnection(template.prompt("hi").stream().content(), server, ChatTimeoutException.class,
					"call-timeout");
			assertThat(sent.get()).as("events sent before the deadline").isGreaterThan(1);
		}
	}

	@Test
	void theDeadlineSpansRetries() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> out
			.write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
				.getBytes(StandardCharsets.ISO_8859_1)));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.retryPolicy(new RetryPolicy(20, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ZERO, 0))
					.callTimeout(Duration.ofMillis(1500))
					.build()) {
			// 20 attempts 200 ms apart would take 4 s and end in a ChatServerException
			StepVerifier.create(template.prompt("hi").call().responseMono())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
					.hasMessageContaining("call-timeout"))
				.verify(HostileProvider.BOUND);
			assertThat(server.requests()).as("attempts within the deadline").isBetween(2, 19);
		}
	}

	@Test
	void theDeadlineSpansToolRounds() throws Exception {
		String toolCallAnswer = """
				{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"gpt-4o-mini",
				"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
				"type":"function","function":{"name":"slow","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}""";
		AtomicInteger runs = new AtomicInteger();
		ToolCallback slowTool = new ToolCallback() {

			@Override
			public ToolDefinition definition() {
				return ToolDefinition.of("slow", "Takes its time", Map.of("type", "object"));
			}

			@Override
			public Mono<String> call(String argumentsJson, ToolContext context) {
				runs.incrementAndGet();
				return Mono.delay(Duration.ofSeconds(30)).thenReturn("done");
			}

		};
		byte[] body = toolCallAnswer.getBytes(StandardCharsets.UTF_8);
		try (RawHttpServer server = new RawHttpServer((out) -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" + "Content-Length: "
					+ body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
		});
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.callTimeout(Duration.ofSeconds(2))
					.build()) {
			// warm up (without tools, with a generous timeout of its own), so that the
			// first round is quick
			template.prompt("warm up").timeout(HostileProvider.BOUND).call().response();
			StepVerifier.create(template.prompt("hi").tools(slowTool).call().responseMono())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
					.hasMessageContaining("call-timeout"))
				.verify(HostileProvider.BOUND);
			assertThat(runs).as("the tool round had started").hasValue(1);
		}
	}

	@Test
	void aCallsOwnTimeoutBeatsAShorterCallTimeout() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		try (RawHttpServer server = new RawHttpServer(HostileProvider.pacedStream(12, Duration.ofMillis(100), sent));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.callTimeout(Duration.ofMillis(500))
					.build()) {
			StepVerifier.create(template.prompt("hi").timeout(Duration.ofSeconds(10)).stream().content())
				.expectNextCount(12)
				.verifyComplete();
		}
	}

	@Test
	void aCallsOwnTimeoutBeatsALongerCallTimeout() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		try (RawHttpServer server = new RawHttpServer(
				HostileProvider.pacedStream(Integer.MAX_VALUE, Duration.ofMillis(20), sent));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.callTimeout(Duration.ofMinutes(10))
					.build()) {
			assertEndsWithClosedConnection(template.prompt("hi").timeout(Duration.ofMillis(500)).stream().content(),
					server, ChatTimeoutException.class, "500 ms", "PromptSpec.timeout");
		}
	}

	@Test
	void aLongHealthyStreamWithoutCallTimeoutIsNotCut() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		// longer than the response timeout and the idle timeout together; each event well
		// within the idle timeout
		try (RawHttpServer server = new RawHttpServer(HostileProvider.pacedStream(30, Duration.ofMillis(100), sent));
				ChatTemplate template = HostileProvider.builder(server.baseUrl())
					.responseTimeout(Duration.ofSeconds(2))
					.build()) {
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectNextCount(30)
				.expectComplete()
				.verify(HostileProvider.BOUND);
		}
	}

	/**
	 * Read a stream to its end and check that it failed with the given type, naming each
	 * of the texts, and that the provider saw its connection closed.
	 */
	private static void assertEndsWithClosedConnection(Flux<String> content, RawHttpServer server,
			Class<? extends Throwable> type, String... texts) throws InterruptedException {
		StepVerifier.create(content)
			.thenConsumeWhile((text) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(type).hasMessageContainingAll(texts))
			.verify(HostileProvider.BOUND);
		assertThat(server.awaitClientClosed(5)).as("the connection was closed").isTrue();
	}

}
