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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.CostSettings;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.cost.BudgetedExchange;
import dev.chatstarter.core.internal.cost.Spending;
import dev.chatstarter.core.internal.error.SecretRedactor;
import dev.chatstarter.core.internal.observation.ChatObservations;
import dev.chatstarter.core.internal.output.StructuredOutput;
import dev.chatstarter.core.internal.resilience.CallLimiter;
import dev.chatstarter.core.internal.resilience.FallbackExchange;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.internal.route.Deployment;
import dev.chatstarter.core.internal.route.RouteExchange;
import dev.chatstarter.core.internal.state.SharedLimiter;
import dev.chatstarter.core.internal.state.SharedSpendLedger;
import dev.chatstarter.core.internal.tool.ToolCallingExchange;
import dev.chatstarter.core.internal.tool.ToolCallingLoop;
import dev.chatstarter.core.internal.tool.ToolResolver;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.route.RouteStrategy;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.tool.ToolSettings;

/**
 * The default {@link ChatTemplate.RouteBuilder}: composes the route's stages over the
 * deployments' guarded stages, {@code toolCalling → fallback → route → (each
 * deployment's) guard → observation → provider}.
 */
final class DefaultRouteBuilder implements ChatTemplate.RouteBuilder {

	private final String name;

	private RouteStrategy strategy = RouteStrategy.WEIGHTED;

	private final List<DeploymentSpec> deployments = new ArrayList<>();

	private ChatOptions defaultOptions = ChatOptions.empty();

	private final ToolSettings.Builder tools = ToolSettings.builder();

	private final ChatObservationSettings.Builder observations = ChatObservationSettings.builder();

	private List<FallbackMember> fallbacks = List.of();

	private Set<FallbackTrigger> failoverOn = EnumSet.allOf(FallbackTrigger.class);

	private FallbackListener listener = FallbackListener.NONE;

	private @Nullable Budget budget;

	DefaultRouteBuilder(String name) {
		Assert.hasText(name, "name must not be empty");
		this.name = name;
	}

	@Override
	public ChatTemplate.RouteBuilder strategy(RouteStrategy strategy) {
		Assert.notNull(strategy, "strategy must not be null");
		this.strategy = strategy;
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder deployment(ChatTemplate provider, @Nullable String model, int weight) {
		Assert.notNull(provider, "provider must not be null");
		return deployment((model != null) ? provider.provider() + "/" + model : provider.provider(), provider, model,
				weight);
	}

	@Override
	public ChatTemplate.RouteBuilder deployment(String name, ChatTemplate provider, @Nullable String model,
			int weight) {
		return deployment(name, provider, model, weight, ProviderLimits.none());
	}

	@Override
	public ChatTemplate.RouteBuilder deployment(String name, ChatTemplate provider, @Nullable String model, int weight,
			ProviderLimits limits) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(limits, "limits must not be null");
		Assert.isInstanceOf(DefaultChatTemplate.class, provider, () -> "deployment '" + name + "' of route '"
				+ this.name + "' needs a provider's template built by ChatTemplate.builder()");
		Assert.isTrue(model == null || !model.isBlank(), () -> "the model of deployment '" + name + "' is blank");
		Assert.isTrue(weight > 0, () -> "the weight of deployment '" + name + "' must be at least 1, not " + weight);
		Assert.isTrue(this.deployments.stream().noneMatch((deployment) -> deployment.name().equals(name)),
				() -> "route '" + this.name + "' has two deployments named '" + name + "'");
		Assert.state(this.deployments.size() < RouteState.MAX_DEPLOYMENTS,
				() -> "route '" + this.name + "' takes at most " + RouteState.MAX_DEPLOYMENTS + " deployments");
		this.deployments.add(new DeploymentSpec(name, (DefaultChatTemplate) provider, model, weight, limits));
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder defaultOptions(ChatOptions options) {
		Assert.notNull(options, "options must not be null");
		this.defaultOptions = options;
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder tools(Consumer<ToolSettings.Builder> tools) {
		Assert.notNull(tools, "tools must not be null");
		tools.accept(this.tools);
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder observations(Consumer<ChatObservationSettings.Builder> observations) {
		Assert.notNull(observations, "observations must not be null");
		observations.accept(this.observations);
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder fallback(ChatTemplate... fallbacks) {
		this.fallbacks = TemplateFallback.allOf(fallbacks);
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder failoverOn(FallbackTrigger... triggers) {
		Assert.noNullElements(triggers, "triggers must not contain null");
		this.failoverOn = (triggers.length == 0) ? EnumSet.noneOf(FallbackTrigger.class)
				: EnumSet.copyOf(List.of(triggers));
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder fallbackListener(FallbackListener listener) {
		Assert.notNull(listener, "listener must not be null");
		this.listener = listener;
		return this;
	}

	@Override
	public ChatTemplate.RouteBuilder budget(@Nullable Budget budget) {
		this.budget = budget;
		return this;
	}

	@Override
	public ChatTemplate build() {
		Assert.state(!this.deployments.isEmpty(), () -> "route '" + this.name + "' needs at least one deployment");
		List<Deployment> deployed = new ArrayList<>(this.deployments.size());
		Set<DefaultChatTemplate> providers = new LinkedHashSet<>();
		for (DeploymentSpec spec : this.deployments) {
			ResilienceSettings resilience = spec.provider().settings().resilience();
			CallLimiter limiter = SharedLimiter.of(spec.provider().provider(), "route:" + this.name + ":" + spec.name(),
					spec.limits(), resilience.clock(), resilience.sharedState());
			deployed.add(new Deployment(spec.name(), spec.provider(), spec.model(), spec.weight(), limiter));
			providers.add(spec.provider());
		}
		RouteExchange route = new RouteExchange(this.name, this.strategy, deployed, this.defaultOptions,
				this.failoverOn, this.listener);
		Spending spending = spendingOf(providers);
		ChatExchange exchange = FallbackExchange.over(
				(this.budget != null) ? new BudgetedExchange(spending, route) : route, this.defaultOptions,
				this.fallbacks, this.failoverOn, this.listener);
		ToolSettings tools = this.tools.build();
		ChatObservations observations = ChatObservations.ofToolExecutions(this.name, this.observations.build());
		ToolCallingLoop loop = new ToolCallingLoop(this.name, tools.execution(),
				observations.observeToolExecutions(tools.listener()), tools.errorConverter(), redactorOf(providers));
		DefaultChatTemplate first = this.deployments.get(0).provider();
		StructuredOutput structuredOutput = new StructuredOutput(this.name, structuredOutputOf(providers),
				ChatPipeline.jsonMapper(first.settings()));
		PromptPipeline prompts = new PromptPipeline(this.name, this.defaultOptions,
				new ToolCallingExchange(loop, exchange), new ToolResolver(tools.registry(), tools.defaultTools()),
				structuredOutput, null, null);
		return new RoutedChatTemplate(prompts, route, spending, this.fallbacks, List.copyOf(providers));
	}

	/**
	 * Return the route's spending: its budget, counted for all replicas when its
	 * providers share state.
	 * @param providers the deployments' providers
	 * @return the spending
	 */
	private Spending spendingOf(Set<DefaultChatTemplate> providers) {
		ResilienceSettings resilience = providers.iterator().next().settings().resilience();
		SharedState shared = providers.stream()
			.map((provider) -> provider.settings().resilience().sharedState())
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new Spending(this.name, "chat.routes." + this.name, CostSettings.builder().budget(this.budget).build(),
				SharedSpendLedger.of(shared, "route:" + this.name, this.budget), resilience.clock());
	}

	/**
	 * Return the redactor of every provider's secrets, which tool errors must not carry
	 * either.
	 * @param providers the deployments' providers
	 * @return the redactor
	 */
	private static SecretRedactor redactorOf(Set<DefaultChatTemplate> providers) {
		SecretRedactor redactor = SecretRedactor.none();
		for (DefaultChatTemplate provider : providers) {
			redactor = redactor.and(SecretRedactor.forCredentials(provider.settings().http().apiKeys(),
					provider.settings().http().headers()));
		}
		return redactor;
	}

	/**
	 * Return the way of asking for structured output that every deployment understands:
	 * their own when they share it, else instructions in the prompt.
	 * @param providers the deployments' providers
	 * @return the mode
	 */
	private static StructuredOutputMode structuredOutputOf(Set<DefaultChatTemplate> providers) {
		Set<StructuredOutputMode> modes = EnumSet.noneOf(StructuredOutputMode.class);
		for (DefaultChatTemplate provider : providers) {
			modes.add(provider.settings().dialect().structuredOutput());
		}
		return (modes.size() == 1) ? modes.iterator().next() : StructuredOutputMode.PROMPT;
	}

	/**
	 * One deployment as configured.
	 */
	private record DeploymentSpec(String name, DefaultChatTemplate provider, @Nullable String model, int weight,
			ProviderLimits limits) {

	}

}
