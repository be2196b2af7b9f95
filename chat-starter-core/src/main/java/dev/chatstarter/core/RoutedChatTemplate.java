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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.cost.Spending;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.internal.route.RouteExchange;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.route.RouteState;

/**
 * A route: a facade over the route's {@link PromptPipeline}, whose calls reach the
 * deployments through the {@link RouteExchange}. It owns nothing of its deployments'
 * templates, so closing it closes none of them.
 */
final class RoutedChatTemplate implements ChatTemplate, FallbackMember {

	private final PromptPipeline prompts;

	private final RouteExchange route;

	private final Spending spending;

	private final List<FallbackMember> fallbacks;

	/** The deployments' providers, each once, in the order they were added. */
	private final List<DefaultChatTemplate> providers;

	RoutedChatTemplate(PromptPipeline prompts, RouteExchange route, Spending spending, List<FallbackMember> fallbacks,
			List<DefaultChatTemplate> providers) {
		this.prompts = prompts;
		this.route = route;
		this.spending = spending;
		this.fallbacks = fallbacks;
		this.providers = providers;
	}

	@Override
	public String provider() {
		return this.prompts.name();
	}

	@Override
	public ChatOptions defaultOptions() {
		return this.prompts.defaultOptions();
	}

	@Override
	public PromptSpec prompt() {
		return new DefaultPromptSpec(this.prompts);
	}

	@Override
	public PromptSpec prompt(String userText) {
		return prompt().user(userText);
	}

	/**
	 * Return the models of every provider the route deploys, in the order of the
	 * deployments.
	 * @return the models
	 */
	@Override
	public List<ModelInfo> models() {
		return DefaultChatTemplate.block(modelsMono());
	}

	@Override
	public Mono<List<ModelInfo>> modelsMono() {
		return Flux.fromIterable(this.providers)
			.concatMap((provider) -> provider.modelsMono().flatMapIterable((models) -> models))
			.collectList();
	}

	/**
	 * Return the image operations of the provider of the route's first deployment.
	 * @return the image operations
	 */
	@Override
	public ImageOperations images() {
		return this.providers.get(0).images();
	}

	/**
	 * Return {@link CooldownState#OPEN} while no deployment serves, else
	 * {@link CooldownState#CLOSED}.
	 * @return the state
	 */
	@Override
	public CooldownState cooldownState() {
		return this.route.isServing() ? CooldownState.CLOSED : CooldownState.OPEN;
	}

	@Override
	public @Nullable BudgetState budgetState() {
		return this.spending.budgetState();
	}

	@Override
	public RouteState routeState() {
		return this.route.state();
	}

	/**
	 * A route is not derived from: build another with {@link ChatTemplate#route}.
	 * @return never
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Builder mutate() {
		throw new UnsupportedOperationException("'" + provider()
				+ "' is a route; build another with ChatTemplate.route(..) or mutate the templates of its deployments");
	}

	@Override
	public ChatExchange fallbackExchange() {
		return this.route;
	}

	@Override
	public List<FallbackMember> fallbacks() {
		return this.fallbacks;
	}

	@Override
	public void close() {
		// the deployments' templates belong to whoever built them
	}

	@Override
	public String toString() {
		return "ChatTemplate[route=" + provider() + ", deployments=" + this.route.state().deployments().size() + "]";
	}

}
