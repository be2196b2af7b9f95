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

package dev.chatstarter.core.internal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * One stage of a template's call pipeline: sends a request on to the stage below and
 * hands the answer back up, doing its one job on the way (observing, guarding, falling
 * back, ...). The lowest stage talks to the provider. Stages are immutable and
 * thread-safe; nothing happens before subscription.
 */
public interface ChatExchange {

	/**
	 * Return the name of the provider this stage sends to (the first of a fallback
	 * chain).
	 * @return the provider name
	 */
	String provider();

	/**
	 * Send a complete request and read the answer.
	 * @param request the request, options merged with the template's defaults
	 * @return the checked response
	 */
	Mono<ChatResponse> call(ChatRequest request);

	/**
	 * Send a streaming request and read its chunks.
	 * @param request the request, options merged with the template's defaults
	 * @return the checked chunks, each naming the provider that streamed it
	 */
	Flux<ChatChunk> stream(ChatRequest request);

}
