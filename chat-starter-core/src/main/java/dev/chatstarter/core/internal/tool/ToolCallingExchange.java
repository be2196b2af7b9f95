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

package dev.chatstarter.core.internal.tool;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

/**
 * The top stage of the pipeline: runs the tool-call loop over the stage below when a call
 * offers tools, and folds a stream into a response only when the caller asks for one. A
 * call without tools passes straight through.
 */
public final class ToolCallingExchange {

	private final ToolCallingLoop loop;

	private final ChatExchange next;

	/**
	 * Create the stage.
	 * @param loop the tool-call loop
	 * @param next the stage below, which gets every round
	 */
	public ToolCallingExchange(ToolCallingLoop loop, ChatExchange next) {
		this.loop = loop;
		this.next = next;
	}

	/**
	 * Send a complete request, with the tool-call loop when tools are offered.
	 * @param request the request, options merged with the template's defaults
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @return the final response
	 */
	public Mono<ChatResponse> call(ChatRequest request, List<ToolCallback> tools, ToolContext context) {
		return tools.isEmpty() ? this.next.call(request) : this.loop.call(request, tools, context, this.next::call);
	}

	/**
	 * Send a streaming request, with the tool-call loop when tools are offered. The
	 * chunks are folded into a response only when someone wants it or the tool-call loop
	 * needs it.
	 * @param request the request, options merged with the template's defaults
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @param finalResponse receives the last round folded into a response, or
	 * {@code null} when nobody wants it
	 * @return the chunks of every round
	 */
	public Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Consumer<ChatResponse> finalResponse) {
		if (!tools.isEmpty()) {
			return this.loop.stream(request, tools, context, this.next::stream,
					(finalResponse != null) ? finalResponse : (response) -> {
					});
		}
		if (finalResponse == null) {
			return this.next.stream(request);
		}
		return Flux.defer(() -> {
			ChatStreamAggregator aggregator = new ChatStreamAggregator(this.next.provider());
			return this.next.stream(request)
				.doOnNext(aggregator::add)
				.doOnComplete(() -> finalResponse.accept(aggregator.toResponse()));
		});
	}

}
