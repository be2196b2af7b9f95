package dev.chatstarter.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;

/**
 * Spring AI's {@link OpenAiChatModel} (on openai-java) with its defaults.
 */
final class SpringAiContender implements Contender {

	private final OpenAiChatModel model;

	SpringAiContender(String baseUrl) {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.model(StubServer.MODEL)
			.build();
		this.model = OpenAiChatModel.builder().options(options).build();
	}

	@Override
	public String call() {
		return this.model.call(new Prompt(PROMPT)).getResult().getOutput().getText();
	}

	private Flux<String> texts() {
		return this.model.stream(new Prompt(PROMPT))
			.filter((r) -> r.getResult() != null && r.getResult().getOutput().getText() != null
					&& !r.getResult().getOutput().getText().isEmpty())
			.map((ChatResponse r) -> r.getResult().getOutput().getText());
	}

	@Override
	public int stream(long[] firstChunkAt) {
		int[] count = new int[1];
		texts().doOnNext((text) -> {
			if (count[0]++ == 0) {
				firstChunkAt[0] = System.nanoTime();
			}
		}).then().block();
		return count[0];
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		return texts().count().map(Long::intValue).toFuture();
	}

}
