package dev.chatstarter.benchmarks;

import java.util.concurrent.CompletableFuture;

import dev.chatstarter.core.ChatTemplate;

/**
 * chat-starter's {@link ChatTemplate} with its defaults.
 */
final class ChatStarterContender implements Contender {

	private final ChatTemplate template;

	private final WeatherTools tools = new WeatherTools();

	ChatStarterContender(String baseUrl) {
		this.template = ChatTemplate.builder()
			.provider("bench")
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.defaultOptions((o) -> o.model(StubServer.MODEL))
			.build();
	}

	@Override
	public String call() {
		return this.template.prompt(PROMPT).call().content();
	}

	@Override
	public int stream(long[] firstChunkAt) {
		int[] count = new int[1];
		this.template.prompt(PROMPT).stream().content().doOnNext((text) -> {
			if (count[0]++ == 0) {
				firstChunkAt[0] = System.nanoTime();
			}
		}).then().block();
		return count[0];
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		return this.template.prompt(PROMPT).stream().content().count().map(Long::intValue).toFuture();
	}

	@Override
	public void close() {
		this.template.close();
	}

	@Override
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		return this.template.prompt("Weather in Paris?").toolsFrom(this.tools).call().content();
	}

}
