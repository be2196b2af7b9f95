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

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.service.AiServices;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.langchain4j.ChatTemplateChatModel;
import dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel;

/**
 * LangChain4j's API on chat-starter: {@code chat-starter-langchain4j}'s
 * {@link ChatTemplateChatModel} and {@link ChatTemplateStreamingChatModel} over a
 * {@link ChatTemplate} with its defaults, called exactly like the {@code langchain4j}
 * contender calls LangChain4j's OpenAI models (the tool round trip through the same
 * {@link AiServices} assistant). Against {@code chat-starter} it measures what the
 * adapter adds.
 */
final class ChatStarterLangChain4jContender implements Contender {

	private final ChatTemplate template;

	private final ChatTemplateChatModel model;

	private final ChatTemplateStreamingChatModel streamingModel;

	private final LangChain4jContender.Assistant assistant;

	ChatStarterLangChain4jContender(String baseUrl) {
		this.template = ChatTemplate.builder()
			.provider("bench")
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.defaultOptions((o) -> o.model(StubServer.MODEL))
			.build();
		this.model = new ChatTemplateChatModel(this.template);
		this.streamingModel = new ChatTemplateStreamingChatModel(this.template);
		this.assistant = AiServices.builder(LangChain4jContender.Assistant.class)
			.chatModel(this.model)
			.tools(new LangChain4jContender.Weather())
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

	private CompletableFuture<Integer> start(long @Nullable [] firstChunkAt) {
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

	@Override
	public void close() {
		this.template.close();
	}

}
