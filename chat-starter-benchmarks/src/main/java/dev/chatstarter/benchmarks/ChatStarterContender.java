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
