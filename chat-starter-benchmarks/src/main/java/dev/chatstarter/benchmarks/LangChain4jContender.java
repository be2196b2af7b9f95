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

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;

/**
 * LangChain4j's OpenAI chat models (JDK HttpClient) with their defaults. The tool round
 * trip goes through an {@link AiServices} assistant with a {@link Tool} method, which
 * runs the tool loop itself.
 */
final class LangChain4jContender implements Contender {

	private final OpenAiChatModel model;

	private final OpenAiStreamingChatModel streamingModel;

	private final Assistant assistant;

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
		this.assistant = AiServices.builder(Assistant.class).chatModel(this.model).tools(new Weather()).build();
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

	@Override
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		return this.assistant.chat("Weather in Paris?");
	}

	/**
	 * The AI service of the tool round trip.
	 */
	interface Assistant {

		/**
		 * Ask, letting the model call the tools.
		 * @param message the user message
		 * @return the final answer
		 */
		String chat(String message);

	}

	/**
	 * {@link WeatherTools} with LangChain4j's annotations.
	 */
	static final class Weather {

		@Tool(name = "get_weather", value = "Current weather of a city")
		String getWeather(@P(name = "city", description = "the city") String city) {
			return WeatherTools.weather(city);
		}

	}

}
