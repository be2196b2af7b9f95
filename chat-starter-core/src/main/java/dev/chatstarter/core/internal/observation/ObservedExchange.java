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

package dev.chatstarter.core.internal.observation;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Observes every request the stage below sends to the provider: one observation per
 * attempt, with the usage and finish reason read off the response or off the chunks as
 * they pass (a stream is not folded for it). With a no-op registry this stage is left out
 * of the pipeline.
 */
public final class ObservedExchange implements ChatExchange {

	private final ChatObservations observations;

	private final ChatExchange next;

	/**
	 * Create the stage.
	 * @param observations the provider's observations
	 * @param next the stage below
	 */
	public ObservedExchange(ChatObservations observations, ChatExchange next) {
		this.observations = observations;
		this.next = next;
	}

	/**
	 * Return the stage over another, or the other itself when observations are disabled.
	 * @param observations the provider's observations
	 * @param next the stage below
	 * @return the observed stage
	 */
	public static ChatExchange over(ChatObservations observations, ChatExchange next) {
		return observations.isEnabled() ? new ObservedExchange(observations, next) : next;
	}

	@Override
	public String provider() {
		return this.next.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return this.observations.observeCall(request, this.next.call(request));
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.observations.observeStream(request, this.next.stream(request));
	}

}
