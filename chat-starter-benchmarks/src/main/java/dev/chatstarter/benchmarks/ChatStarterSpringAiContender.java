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
import reactor.core.publisher.Flux;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.springai.ChatStarterChatModel;

/**
 * chat-starter's Spring AI adapter: a {@link ChatStarterChatModel} on a template built
 * exactly like {@link ChatStarterContender}'s, so the difference between the two is what
 * the adapter adds per call and per chunk. The tool round trip goes through Spring AI's
 * {@link ChatClient} and its tool calling, as {@link SpringAiContender}'s does.
 */
final class ChatStarterSpringAiContender implements Contender {

	private final ChatTemplate template;

	private final ChatStarterChatModel model;

	private final ChatClient chatClient;

	private final SpringAiContender.Weather weather = new SpringAiContender.Weather();

	ChatStarterSpringAiContender(String baseUrl) {
		this.template = ChatTemplate.builder()
			.provider("bench")
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.defaultOptions((o) -> o.model(StubServer.MODEL))
			.build();
		this.model = new ChatStarterChatModel(this.template);
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

	@Override
	public void close() {
		this.template.close();
	}

}
