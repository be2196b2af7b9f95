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

package dev.chatstarter.core;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * A {@link ChatTemplate} of any kind (a decorator, a test double, another implementation)
 * as a fallback: requests go through its public API. Templates built by
 * {@link ChatTemplate#builder()} take part in a fallback chain directly, through their
 * guarded stage.
 */
final class TemplateFallback implements FallbackMember, ChatExchange {

	private final ChatTemplate template;

	private TemplateFallback(ChatTemplate template) {
		this.template = template;
	}

	/**
	 * Return a template as a fallback.
	 * @param template the template
	 * @return the fallback
	 */
	static FallbackMember of(ChatTemplate template) {
		return (template instanceof FallbackMember member) ? member : new TemplateFallback(template);
	}

	/**
	 * Return templates as fallbacks, in order.
	 * @param templates the templates
	 * @return the fallbacks
	 */
	static List<FallbackMember> allOf(ChatTemplate... templates) {
		Assert.noNullElements(templates, "fallbacks must not contain null");
		List<FallbackMember> members = new ArrayList<>(templates.length);
		for (ChatTemplate template : templates) {
			members.add(of(template));
		}
		return List.copyOf(members);
	}

	@Override
	public String provider() {
		return this.template.provider();
	}

	@Override
	public ChatOptions defaultOptions() {
		return this.template.defaultOptions();
	}

	@Override
	public ChatExchange fallbackExchange() {
		return this;
	}

	@Override
	public List<FallbackMember> fallbacks() {
		return List.of();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> this.template.prompt()
			.messages(request.messages())
			.options(request.options())
			.call()
			.responseMono());
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> this.template.prompt()
			.messages(request.messages())
			.options(request.options())
			.stream()
			.chunks()
			.map((chunk) -> chunk.withProviderIfAbsent(provider())));
	}

}
