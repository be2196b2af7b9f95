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

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.http.ConnectionPool;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.internal.route.RouteMember;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.resilience.CooldownState;

/**
 * The default {@link ChatTemplate}: a facade over the {@link ChatPipeline} composed when
 * it was built. The blocking methods subscribe to the same reactive pipeline and wait.
 */
final class DefaultChatTemplate implements ChatTemplate, FallbackMember, RouteMember {

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
		return new DefaultPromptSpec(this.pipeline.prompts());
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
	public @Nullable BudgetState budgetState() {
		return this.pipeline.guard().budgetState();
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

	@Override
	public ChatExchange routedExchange() {
		return this.pipeline.guard().failingFast();
	}

	@Override
	public boolean isServing() {
		return this.pipeline.guard().cooldownState() != CooldownState.OPEN && this.pipeline.http().hasServingKey();
	}

	@Override
	public double headroom() {
		double reported = this.pipeline.http().reportedHeadroom();
		double clientSide = this.pipeline.guard().headroom();
		return (reported < 0) ? clientSide : Math.min(reported, clientSide);
	}

	/**
	 * Return what this template was built with.
	 * @return the settings
	 */
	ChatTemplateSettings settings() {
		return this.settings;
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
