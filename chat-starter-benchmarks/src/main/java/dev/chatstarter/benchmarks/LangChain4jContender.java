package dev.chatstarter.benchmarks;

import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j's OpenAI chat models (JDK HttpClient) with their defaults.
 */
final class LangChain4jContender implements Contender {

	private final OpenAiChatModel model;

	private final OpenAiStreamingChatModel streamingModel;

	LangChain4jContender(String baseUrl) {
		this.model = OpenAiChatModel.builder()
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.modelName(StubServer.MODEL)
			.build();
		this.streamingModel = OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.modelName(StubServer.MODEL)
			.build();
	}

	@Override
	public String call() {
		return this.model.chat(PROMPT);
	}

	@Override
	public int stream(long[] firstChunkAt) {
		return start(firstChunkAt).join();
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		return start(null);
	}

	private CompletableFuture<Integer> start(long @org.jspecify.annotations.Nullable [] firstChunkAt) {
		CompletableFuture<Integer> result = new CompletableFuture<>();
		int[] count = new int[1];
		this.streamingModel.chat(PROMPT, new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String text) {
				if (count[0]++ == 0 && firstChunkAt != null) {
					firstChunkAt[0] = System.nanoTime();
				}
			}

			@Override
			public void onCompleteResponse(ChatResponse response) {
				result.complete(count[0]);
			}

			@Override
			public void onError(Throwable error) {
				result.completeExceptionally(error);
			}

		});
		return result;
	}

}
