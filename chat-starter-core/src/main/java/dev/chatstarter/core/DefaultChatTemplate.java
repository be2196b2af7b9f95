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
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.CallOverrides;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.http.CallDeadline;
import dev.chatstarter.core.internal.http.ConnectionPool;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

/**
 * The default {@link ChatTemplate}: a facade over the {@link ChatPipeline} composed when
 * it was built. The blocking methods subscribe to the same reactive pipeline and wait.
 */
final class DefaultChatTemplate implements ChatTemplate, FallbackMember {

	private final ChatTemplateSettings settings;

	private final ChatPipeline pipeline;

	private final ImageOperations images = new DefaultImageOperations();

	DefaultChatTemplate(ChatTemplateSettings settings) {
		this.settings = settings;
		this.pipeline = ChatPipeline.assemble(settings);
	}

	@Override
	public String provider() {
		return this.settings.provider();
	}

	@Override
	public ChatOptions defaultOptions() {
		return this.settings.defaultOptions();
	}

	@Override
	public PromptSpec prompt() {
		return new DefaultPromptSpec(this);
	}

	@Override
	public PromptSpec prompt(String userText) {
		return prompt().user(userText);
	}

	@Override
	public List<ModelInfo> models() {
		return block(modelsMono());
	}

	@Override
	public Mono<List<ModelInfo>> modelsMono() {
		return this.pipeline.observations().observeModels(this.pipeline.models().list());
	}

	@Override
	public ImageOperations images() {
		return this.images;
	}

	@Override
	public CooldownState cooldownState() {
		return this.pipeline.guard().cooldownState();
	}

	@Override
	public @Nullable KeyPoolState keyPoolState() {
		return this.pipeline.http().keyPoolState();
	}

	@Override
	public Builder mutate() {
		return new DefaultChatTemplateBuilder(this.settings);
	}

	@Override
	public ChatExchange fallbackExchange() {
		return this.pipeline.guard().failingFast();
	}

	@Override
	public List<FallbackMember> fallbacks() {
		return this.settings.fallbacks();
	}

	/**
	 * Return the connection pool of this template.
	 * @return the pool
	 */
	ConnectionPool connectionPool() {
		return this.settings.transport().pool();
	}

	/**
	 * Return the pipeline of this template, for its prompt specs.
	 * @return the pipeline
	 */
	ChatPipeline pipeline() {
		return this.pipeline;
	}

	@Override
	public void close() {
		if (this.settings.transport().ownsPool()) {
			this.settings.transport().pool().dispose();
		}
	}

	@Override
	public String toString() {
		return "ChatTemplate[provider=" + provider() + ", baseUrl=" + BaseUrl.redacted(this.settings.http().baseUrl())
				+ "]";
	}

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
		Mono<ChatResponse> call = this.pipeline.toolCalling().call(request, tools, context);
		if (!overrides.isEmpty()) {
			call = call.contextWrite(ProviderHttpClient.withOverrides(provider(), overrides));
		}
		CallDeadline deadline = this.pipeline.deadline(provider(), timeout);
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
		Flux<ChatChunk> stream = this.pipeline.toolCalling().stream(request, tools, context, finalResponse);
		if (!overrides.isEmpty()) {
			stream = stream.contextWrite(ProviderHttpClient.withOverrides(provider(), overrides));
		}
		CallDeadline deadline = this.pipeline.deadline(provider(), timeout);
		return (deadline != null) ? deadline.apply(stream) : stream;
	}

	static <T> T block(Mono<T> mono) {
		T value;
		try {
			value = mono.block();
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof InterruptedException) {
				// block() cancelled the call; keep the thread's interrupt status for its
				// owner
				Thread.currentThread().interrupt();
			}
			throw ex;
		}
		if (value == null) {
			throw new IllegalStateException("The call completed without a value");
		}
		return value;
	}

	private final class DefaultImageOperations implements ImageOperations {

		@Override
		public ImageResult generate(ImageRequest request) {
			return block(generateMono(request));
		}

		@Override
		public Mono<ImageResult> generateMono(ImageRequest request) {
			ChatPipeline pipeline = DefaultChatTemplate.this.pipeline;
			return pipeline.observations().observeImageGeneration(request, pipeline.images().generate(request));
		}

	}

}
