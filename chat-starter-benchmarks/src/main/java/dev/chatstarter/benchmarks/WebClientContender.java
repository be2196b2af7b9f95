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

package dev.chatstarter.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A second floor, for clients built on Spring's {@link WebClient} (as chat-starter is):
 * {@code raw}'s pre-built JSON and {@code indexOf}, sent and read through a plain
 * {@code WebClient} on Reactor Netty instead of Reactor Netty's {@link HttpClient}
 * directly. The difference to {@code raw} is what WebClient itself costs. Only on request
 * ({@code --contenders=raw,webclient,...}).
 */
final class WebClientContender implements Contender {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final ConnectionProvider pool;

	private final WebClient client;

	WebClientContender(String baseUrl) {
		this.pool = ConnectionProvider.builder("webclient").maxConnections(20_000).pendingAcquireMaxCount(-1).build();
		this.client = WebClient.builder()
			.baseUrl(baseUrl + "/v1")
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool)))
			.defaultHeaders((headers) -> headers.setBearerAuth("bench-key"))
			.build();
	}

	@Override
	public String call() {
		String json = this.client.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(RawContender.REQUEST)
			.retrieve()
			.bodyToMono(String.class)
			.block();
		return RawContender.content((json != null) ? json : "");
	}

	private Flux<String> fragments() {
		return this.client.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(RawContender.STREAM_REQUEST)
			.retrieve()
			.bodyToFlux(EVENT)
			.mapNotNull(ServerSentEvent::data)
			.filter((data) -> data.contains("\"content\":\""))
			.map((data) -> RawContender.content(data))
			.filter((text) -> !text.isEmpty());
	}

	@Override
	public int stream(long[] firstChunkAt) {
		AtomicInteger fragments = new AtomicInteger();
		fragments().doOnNext((text) -> {
			if (fragments.getAndIncrement() == 0) {
				firstChunkAt[0] = System.nanoTime();
			}
		}).then().block();
		return fragments.get();
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		return fragments().count().map(Long::intValue).toFuture();
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

}
