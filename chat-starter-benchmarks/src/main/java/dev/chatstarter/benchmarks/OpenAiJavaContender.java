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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

/**
 * The official openai-java client (OkHttp) with its defaults; a stream is read with the
 * blocking iterator the SDK documents, so many streams take one thread each. The SDK has
 * no tool loop: the round trip is written by hand as its function-calling docs show (a
 * function tool definition, the tool calls read from the answer, the tool run, the
 * assistant and tool messages added to the conversation, a second request).
 */
final class OpenAiJavaContender implements Contender {

	private static final ChatCompletionFunctionTool WEATHER_TOOL = ChatCompletionFunctionTool.builder()
		.function(FunctionDefinition.builder()
			.name("get_weather")
			.description("Current weather of a city")
			.parameters(FunctionParameters.builder()
				.putAdditionalProperty("type", JsonValue.from("object"))
				.putAdditionalProperty("properties",
						JsonValue.from(Map.of("city", Map.of("type", "string", "description", "the city"))))
				.putAdditionalProperty("required", JsonValue.from(List.of("city")))
				.build())
			.build())
		.build();

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
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(this.params)) {
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
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
			.model(StubServer.MODEL)
			.addUserMessage("Weather in Paris?")
			.addTool(WEATHER_TOOL);
		ChatCompletionMessage message = this.client.chat()
			.completions()
			.create(conversation.build())
			.choices()
			.get(0)
			.message();
		if (message.toolCalls().isPresent() && !message.toolCalls().get().isEmpty()) {
			conversation.addMessage(message);
			for (ChatCompletionMessageToolCall toolCall : message.toolCalls().get()) {
				ChatCompletionMessageFunctionToolCall call = toolCall.asFunction();
				if (!call.function().name().equals("get_weather")) {
					throw new IllegalStateException("Unknown tool " + call.function().name());
				}
				String city = call.function().arguments(WeatherArguments.class).city();
				conversation.addMessage(ChatCompletionToolMessageParam.builder()
					.toolCallId(call.id())
					.content(WeatherTools.weather(city))
					.build());
			}
			message = this.client.chat().completions().create(conversation.build()).choices().get(0).message();
		}
		return message.content().orElse("");
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * The arguments of {@code get_weather}.
	 *
	 * @param city the city
	 */
	record WeatherArguments(String city) {
	}

}
