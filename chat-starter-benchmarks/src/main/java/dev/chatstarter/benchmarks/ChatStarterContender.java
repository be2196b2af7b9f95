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
import java.util.concurrent.CompletableFuture;

import dev.chatstarter.core.ChatTemplate;

/**
 * chat-starter's {@link ChatTemplate} with its defaults, or a route over two of them.
 */
final class ChatStarterContender implements Contender {

	private final ChatTemplate template;

	/** What this contender built and closes: the template, or a route's deployments. */
	private final List<ChatTemplate> owned;

	private final WeatherTools tools = new WeatherTools();

	ChatStarterContender(String baseUrl) {
		this(provider("bench", baseUrl));
	}

	private ChatStarterContender(ChatTemplate template) {
		this(template, List.of(template));
	}

	private ChatStarterContender(ChatTemplate template, List<ChatTemplate> owned) {
		this.template = template;
		this.owned = owned;
	}

	/**
	 * Return the contender that calls through a route over two deployments of the stub,
	 * each a provider template of its own, spread by weight.
	 * @param baseUrl the stub's base URL
	 * @return the contender
	 */
	static ChatStarterContender routed(String baseUrl) {
		ChatTemplate first = provider("bench-a", baseUrl);
		ChatTemplate second = provider("bench-b", baseUrl);
		ChatTemplate route = ChatTemplate.route("bench")
			.deployment(first, StubServer.MODEL, 1)
			.deployment(second, StubServer.MODEL, 1)
			.build();
		return new ChatStarterContender(route, List.of(first, second));
	}

	private static ChatTemplate provider(String name, String baseUrl) {
		return ChatTemplate.builder()
			.provider(name)
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
		this.owned.forEach(ChatTemplate::close);
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
