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

package dev.chatstarter.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream reads its body to the end after {@code [DONE]} instead of cancelling it, so
 * that its connection goes back to the pool (cancelling would close it, and every stream
 * would pay for a new TCP and TLS handshake).
 */
class StreamConnectionReuseTests {

	private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
			+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";

	private static final String STREAM = CHUNK.formatted("Hello", "null") + CHUNK.formatted(" world", "\"stop\"")
			+ "data: [DONE]\n\n";

	private final AtomicInteger connections = new AtomicInteger();

	private DisposableServer server;

	private ChatTemplate template;

	@AfterEach
	void stop() {
		this.template.close();
		this.server.disposeNow();
	}

	@Test
	void streamsInSequenceReuseTheirConnections() throws InterruptedException {
		start(Flux.just(STREAM));
		for (int i = 0; i < 10; i++) {
			assertThat(this.template.prompt("hi").stream().content().collectList().block(Duration.ofSeconds(5)))
				.containsExactly("Hello", " world");
			// a connection goes back to the pool just after its stream completed, on the
			// event loop: a pause lets that happen even on a loaded machine, where the
			// next stream would otherwise open another connection
			Thread.sleep(20);
		}
		assertThat(this.connections.get()).isBetween(1, 2);
	}

	@Test
	void eventsAfterDoneAreIgnored() {
		start(Flux.just(STREAM, CHUNK.formatted("late", "null")));
		assertThat(this.template.prompt("hi").stream().content().collectList().block(Duration.ofSeconds(5)))
			.containsExactly("Hello", " world");
	}

	@Test
	void aBodyThatStaysOpenAfterDoneEndsTheStreamAfterAGracePeriodAndClosesTheConnection() {
		start(Flux.just(STREAM).concatWith(Flux.never()));
		List<String> first = this.template.prompt("hi").stream().content().collectList().block(Duration.ofSeconds(5));
		assertThat(first).containsExactly("Hello", " world");
		this.template.prompt("hi").stream().content().collectList().block(Duration.ofSeconds(5));
		assertThat(this.connections).hasValue(2);
	}

	private void start(Flux<String> body) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
			.route((routes) -> routes.post("/v1/chat/completions",
					(request, response) -> request.receive()
						.aggregate()
						.then(response.header("Content-Type", "text/event-stream")
							.send(body.map((text) -> Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)))
							.then())))
			.bindNow();
		// the server's own channel is initialised too
		this.connections.set(0);
		this.template = ChatTemplate.builder()
			.provider("local")
			.baseUrl("http://127.0.0.1:" + this.server.port() + "/v1")
			.defaultOptions((options) -> options.model("m"))
			.build();
	}

}
