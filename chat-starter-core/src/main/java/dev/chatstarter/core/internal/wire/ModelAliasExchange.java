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

package dev.chatstarter.core.internal.wire;

import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.model.ModelAliases;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * The stage that replaces a model alias of the request by the provider's own id, below
 * the guard (so that each provider of a fallback chain maps the model with its own
 * aliases) and above the observation (which records the id sent).
 */
public final class ModelAliasExchange implements ChatExchange {

	private final ModelAliases aliases;

	private final ChatExchange next;

	private ModelAliasExchange(ModelAliases aliases, ChatExchange next) {
		this.aliases = aliases;
		this.next = next;
	}

	/**
	 * Map the aliases of requests before the given stage.
	 * @param aliases the provider's aliases
	 * @param next the stage below
	 * @return the stage, or {@code next} itself when there are no aliases
	 */
	public static ChatExchange over(ModelAliases aliases, ChatExchange next) {
		return aliases.isEmpty() ? next : new ModelAliasExchange(aliases, next);
	}

	@Override
	public String provider() {
		return this.next.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return this.next.call(resolved(request));
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.next.stream(resolved(request));
	}

	private ChatRequest resolved(ChatRequest request) {
		String model = request.options().model();
		String id = this.aliases.resolve(model);
		if (Objects.equals(model, id)) {
			return request;
		}
		return new ChatRequest(request.messages(), request.options().mutate().model(id).build());
	}

}
