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

package dev.chatstarter.test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of simultaneous streams against one local {@link FakeChatServer}: every
 * stream completes with its own content, no thread is used per stream, and the heap
 * returns to about where it started (nothing is retained per stream). Every build runs
 * 2,000 streams on a template with its default connection pool;
 * {@code -Dchat.concurrency.streams=N} runs another number.
 */
class ConcurrentStreamsTests {

	private static final int FRAGMENTS = 10;

	@Test
	void thousandsOfSimultaneousStreamsCompleteWithTheirOwnContent() {
		int streams = Integer.getInteger("chat.concurrency.streams", 2000);
		try (FakeChatServer server = new FakeChatServer().start()) {
			server.responder((request) -> {
				String id = request.lastUserMessage();
				String[] fragments = new String[FRAGMENTS];
				for (int i = 0; i < FRAGMENTS; i++) {
					fragments[i] = id + "-" + i + " ";
				}
				return FakeResponse.stream(fragments).chunkDelay(Duration.ofMillis(500));
			});
			try (ChatTemplate template = ChatTemplate.builder()
				.provider("fake")
				.baseUrl(server.baseUrl())
				.defaultOptions((options) -> options.model("demo-chat"))
				.retryPolicy(RetryPolicy.none())
				.build()) {
				run(template, streams);
			}
		}
	}

	private void run(ChatTemplate template, int streams) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		int threadsBefore = Thread.activeCount();
		AtomicInteger peakThreads = new AtomicInteger();
		AtomicInteger open = new AtomicInteger();
		AtomicInteger peakOpen = new AtomicInteger();
		long start = System.nanoTime();
		List<Boolean> results = Flux.range(0, streams).flatMap((n) -> {
			String id = "s" + n;
			return template.prompt(id)
				.stream()
				.content()
				.doOnSubscribe((subscription) -> peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max))
				.doFinally((signal) -> open.decrementAndGet())
				.collect(StringBuilder::new, StringBuilder::append)
				.map((content) -> {
					peakThreads.accumulateAndGet(Thread.activeCount(), Math::max);
					return content.toString().equals(expected(id));
				})
				.onErrorResume((ex) -> Mono.just(false));
		}, streams).collectList().block(Duration.ofMinutes(2));
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.gc();
		long heapAfter = memory.getHeapMemoryUsage().getUsed();
		System.out.printf("%d streams: %d ms, %d open at once, heap before %d MB, after %d MB, threads %d -> peak %d%n",
				streams, millis, peakOpen.get(), heapBefore >> 20, heapAfter >> 20, threadsBefore, peakThreads.get());
		assertThat(results).hasSize(streams).containsOnly(true);
		assertThat(peakOpen.get()).as("streams open at once").isGreaterThanOrEqualTo(streams * 3 / 4);
		assertThat(peakThreads.get() - threadsBefore).as("threads added while streaming").isLessThan(64);
		assertThat(heapAfter - heapBefore).as("heap retained after the streams").isLessThan(64L << 20);
	}

	private static String expected(String id) {
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < FRAGMENTS; i++) {
			content.append(id).append('-').append(i).append(' ');
		}
		return content.toString();
	}

}
