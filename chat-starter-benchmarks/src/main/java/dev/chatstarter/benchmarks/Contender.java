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

/**
 * One client under test, bound to one stub base URL (without {@code /v1}).
 */
interface Contender extends AutoCloseable {

	/** The user message every contender sends. */
	String PROMPT = "Say something short.";

	/**
	 * A blocking small completion.
	 * @return the answer's text
	 */
	String call();

	/**
	 * A blocking streamed completion.
	 * @param firstChunkAt receives {@link System#nanoTime()} when the first text fragment
	 * reached the caller
	 * @return the number of text fragments
	 */
	int stream(long[] firstChunkAt);

	/**
	 * A streamed completion that does not block the caller (the contender's own idiom for
	 * many streams).
	 * @return the number of text fragments, once the stream completed
	 */
	CompletableFuture<Integer> streamAsync();

	/**
	 * A question that makes the model call one tool, the tool run, and the final answer.
	 * @return the final answer
	 */
	default String toolRoundTrip() {
		throw new UnsupportedOperationException();
	}

	/**
	 * Whether {@link #toolRoundTrip()} is implemented.
	 * @return {@code true} if it is
	 */
	default boolean supportsTools() {
		return false;
	}

	@Override
	default void close() {
	}

	/**
	 * Create a contender by name.
	 * @param name {@code raw}, {@code raw-jackson}, {@code webclient},
	 * {@code chat-starter}, {@code chat-starter-route}, {@code chat-starter-limited},
	 * {@code chat-starter-redis}, {@code chat-starter-spring-ai},
	 * {@code chat-starter-langchain4j}, {@code openai-java}, {@code spring-ai} or
	 * {@code langchain4j}
	 * @param baseUrl the stub's base URL without {@code /v1}
	 * @return the contender
	 */
	static Contender create(String name, String baseUrl) {
		switch (name) {
			case "raw":
				return new RawContender(baseUrl, RawContender.Parsing.INDEX_OF);
			case "raw-jackson":
				return new RawContender(baseUrl, RawContender.Parsing.JACKSON);
			case "webclient":
				return new WebClientContender(baseUrl);
			case "chat-starter":
				return new ChatStarterContender(baseUrl);
			case "chat-starter-route":
				return ChatStarterContender.routed(baseUrl);
			case "chat-starter-limited":
				return ChatStarterContender.limited(baseUrl);
			case "chat-starter-redis":
				return ChatStarterContender.sharedThroughRedis(baseUrl);
			case "chat-starter-spring-ai":
				return new ChatStarterSpringAiContender(baseUrl);
			case "openai-java":
				return new OpenAiJavaContender(baseUrl);
			case "spring-ai":
				return new SpringAiContender(baseUrl);
			case "langchain4j":
				return new LangChain4jContender(baseUrl);
			case "chat-starter-langchain4j":
				return new ChatStarterLangChain4jContender(baseUrl);
			default:
				throw new IllegalArgumentException("Unknown contender " + name);
		}
	}

}
