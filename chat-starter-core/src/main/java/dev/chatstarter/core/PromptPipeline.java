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

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.http.CallOverrides;
import dev.chatstarter.core.internal.http.CallDeadline;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.internal.output.StructuredOutput;
import dev.chatstarter.core.internal.tool.ToolCallingExchange;
import dev.chatstarter.core.internal.tool.ToolResolver;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

/**
 * What a prompt runs on: the options it starts from, the tools it may name, how it asks
 * for structured output, and the top of the call pipeline, which it enters within the
 * call's deadline and with the call's own credentials.
 *
 * @param name the provider or route name, for messages
 * @param defaultOptions the options every call starts from
 * @param toolCalling the top stage of chat calls and streams
 * @param tools resolves the tools a prompt names
 * @param structuredOutput asks for and reads structured answers
 * @param callDeadline the deadline of every call, or {@code null} for none
 * @param overridesScope the provider that a call's own credentials are sent to, or
 * {@code null} when calls cannot carry them (a route spreads them over several providers)
 */
record PromptPipeline(String name, ChatOptions defaultOptions, ToolCallingExchange toolCalling, ToolResolver tools,
		StructuredOutput structuredOutput, @Nullable CallDeadline callDeadline, @Nullable String overridesScope) {

	/**
	 * Run a non-streaming call, with the tool-call loop when tools are offered, within
	 * the call's deadline.
	 * @param request the request, options already merged
	 * @param tools the tools offered
	 * @param context the tool context
	 * @param timeout the call's own timeout, or {@code null} for the template's
	 * {@code call-timeout}
	 * @param overrides what the call sends differently from the template
	 * @return the final response
	 */
	Mono<ChatResponse> call(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Duration timeout, CallOverrides overrides) {
		Mono<ChatResponse> call = this.toolCalling.call(request, tools, context);
		if (!overrides.isEmpty()) {
			if (this.overridesScope == null) {
				return Mono.error(this::overridesRefused);
			}
			call = call.contextWrite(ProviderHttpClient.withOverrides(this.overridesScope, overrides));
		}
		CallDeadline deadline = deadline(timeout);
		return (deadline != null) ? deadline.apply(call) : call;
	}

	/**
	 * Run a streaming call, with the tool-call loop when tools are offered, within the
	 * call's deadline.
	 * @param request the request, options already merged
	 * @param tools the tools offered
	 * @param context the tool context
	 * @param timeout the call's own timeout, or {@code null} for the template's
	 * {@code call-timeout}
	 * @param overrides what the call sends differently from the template
	 * @param finalResponse receives the last round folded into a response, or
	 * {@code null} when nobody wants it
	 * @return the chunks of every round
	 */
	Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Duration timeout, CallOverrides overrides, @Nullable Consumer<ChatResponse> finalResponse) {
		Flux<ChatChunk> stream = this.toolCalling.stream(request, tools, context, finalResponse);
		if (!overrides.isEmpty()) {
			if (this.overridesScope == null) {
				return Flux.error(this::overridesRefused);
			}
			stream = stream.contextWrite(ProviderHttpClient.withOverrides(this.overridesScope, overrides));
		}
		CallDeadline deadline = deadline(timeout);
		return (deadline != null) ? deadline.apply(stream) : stream;
	}

	private @Nullable CallDeadline deadline(@Nullable Duration perCall) {
		return (perCall != null) ? CallDeadline.perCall(this.name, perCall) : this.callDeadline;
	}

	private IllegalStateException overridesRefused() {
		return new IllegalStateException("'" + this.name + "' is a route over several providers: a call's own API key,"
				+ " headers or response timeout belong to one provider; send the call through that provider's"
				+ " template instead");
	}

}
