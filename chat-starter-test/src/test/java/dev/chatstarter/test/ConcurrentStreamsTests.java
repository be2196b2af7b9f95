package dev.chatstarter.test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of simultaneous streams against one local {@link FakeChatServer}: every stream completes with its own
 * content, and the heap returns to about where it started (nothing is retained per stream). Runs with
 * {@code -Dchat.concurrency.streams=2000} (see README.md); its default run uses 200 streams to stay fast.
 */
class ConcurrentStreamsTests {

	private static final int FRAGMENTS = 10;

	@Test
	void manySimultaneousStreamsCompleteWithTheirOwnContent() {
		run(200, true);
	}

	@Test
	@EnabledIfSystemProperty(named = "chat.concurrency.streams", matches = "\\d+")
	void configuredNumberOfSimultaneousStreams() {
		run(Integer.parseInt(System.getProperty("chat.concurrency.streams")), false);
	}

	/**
	 * Run the streams.
	 * @param streams how many at once
	 * @param ownPool whether the template gets a pool of its own ({@code connectionProvider}) or uses Reactor
	 * Netty's shared one, as every template does by default
	 */
	private void run(int streams, boolean ownPool) {
		ConnectionProvider connections = ConnectionProvider.builder("concurrent-streams")
			.maxConnections(streams)
			.pendingAcquireMaxCount(-1)
			.build();
		try (FakeChatServer server = new FakeChatServer().start()) {
			server.responder((request) -> {
				String id = request.lastUserMessage();
				String[] fragments = new String[FRAGMENTS];
				for (int i = 0; i < FRAGMENTS; i++) {
					fragments[i] = id + "-" + i + " ";
				}
				return FakeResponse.stream(fragments).chunkDelay(Duration.ofMillis(100));
			});
			ChatTemplate.Builder builder = ChatTemplate.builder()
				.provider("fake")
				.baseUrl(server.baseUrl())
				.defaultOptions((options) -> options.model("demo-chat"))
				.retryPolicy(RetryPolicy.none());
			if (ownPool) {
				builder.connectionProvider(connections);
			}
			ChatTemplate template = builder.build();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			long heapBefore = memory.getHeapMemoryUsage().getUsed();
			int threadsBefore = Thread.activeCount();
			AtomicInteger peakThreads = new AtomicInteger();
			long start = System.nanoTime();
			List<Boolean> results = Flux.range(0, streams)
				.flatMap((n) -> {
					String id = "s" + n;
					return template.prompt(id).stream().content().collect(StringBuilder::new, StringBuilder::append)
						.map((content) -> {
							peakThreads.accumulateAndGet(Thread.activeCount(), Math::max);
							return content.toString().equals(expected(id));
						})
						.onErrorResume((ex) -> Mono.just(false));
				}, streams)
				.collectList()
				.block(Duration.ofMinutes(2));
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.gc();
			long heapAfter = memory.getHeapMemoryUsage().getUsed();
			System.out.printf("%d streams: %d ms, heap before %d MB, after %d MB, threads %d -> peak %d%n", streams,
					millis, heapBefore >> 20, heapAfter >> 20, threadsBefore, peakThreads.get());
			assertThat(results).hasSize(streams).containsOnly(true);
			assertThat(heapAfter - heapBefore).as("heap retained after the streams").isLessThan(64L << 20);
		}
		finally {
			connections.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	private static String expected(String id) {
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < FRAGMENTS; i++) {
			content.append(id).append('-').append(i).append(' ');
		}
		return content.toString();
	}

}
