package dev.chatstarter.benchmarks;

import java.util.concurrent.CompletableFuture;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * The official openai-java client (OkHttp) with its defaults; a stream is read with the blocking iterator the
 * SDK documents, so many streams take one thread each.
 */
final class OpenAiJavaContender implements Contender {

	private final OpenAIClient client;

	private final ChatCompletionCreateParams params;

	OpenAiJavaContender(String baseUrl) {
		this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl + "/v1").apiKey("bench-key").build();
		this.params = ChatCompletionCreateParams.builder().model(StubServer.MODEL).addUserMessage(PROMPT).build();
	}

	@Override
	public String call() {
		return this.client.chat().completions().create(this.params).choices().get(0).message().content().orElse("");
	}

	@Override
	public int stream(long[] firstChunkAt) {
		int count = 0;
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(this.params)) {
			java.util.Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			while (chunks.hasNext()) {
				ChatCompletionChunk chunk = chunks.next();
				for (ChatCompletionChunk.Choice choice : chunk.choices()) {
					if (choice.delta().content().isPresent()) {
						if (count++ == 0 && firstChunkAt != null) {
							firstChunkAt[0] = System.nanoTime();
						}
					}
				}
			}
		}
		return count;
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		CompletableFuture<Integer> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(stream(new long[1]));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
