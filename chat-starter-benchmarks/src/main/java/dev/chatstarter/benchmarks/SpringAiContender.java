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

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import reactor.core.publisher.Flux;

/**
 * Spring AI's {@link OpenAiChatModel} (on openai-java) with its defaults. The tool round
 * trip goes through a {@link ChatClient} on that model with a {@link Tool} method: since
 * Spring AI 2.0 a {@code ChatModel} returns tool calls without running them, and the
 * client's {@code ToolCallingAdvisor} runs the loop.
 */
final class SpringAiContender implements Contender {

	private final OpenAiChatModel model;

	private final ChatClient chatClient;

	private final Weather weather = new Weather();

	SpringAiContender(String baseUrl) {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.model(StubServer.MODEL)
			.build();
		this.model = OpenAiChatModel.builder().options(options).build();
		this.chatClient = ChatClient.create(this.model);
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

	@Override
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		return this.chatClient.prompt("Weather in Paris?").tools(this.weather).call().content();
	}

	/**
	 * {@link WeatherTools} with Spring AI's annotations.
	 */
	static final class Weather {

		@Tool(name = "get_weather", description = "Current weather of a city")
		String getWeather(@ToolParam(description = "the city") String city) {
			return WeatherTools.weather(city);
		}

	}

}
