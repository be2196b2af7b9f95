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

import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.cost.SpendLedger;
import dev.chatstarter.core.internal.cost.Spending;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.error.SecretRedactor;
import dev.chatstarter.core.internal.http.CallDeadline;
import dev.chatstarter.core.internal.http.CleartextCredentials;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.internal.observation.ChatObservations;
import dev.chatstarter.core.internal.observation.ObservedExchange;
import dev.chatstarter.core.internal.output.StructuredOutput;
import dev.chatstarter.core.internal.resilience.CallLimiter;
import dev.chatstarter.core.internal.resilience.FallbackExchange;
import dev.chatstarter.core.internal.resilience.GuardedExchange;
import dev.chatstarter.core.internal.resilience.ProviderCooldown;
import dev.chatstarter.core.internal.state.SharedLimiter;
import dev.chatstarter.core.internal.state.SharedSpendLedger;
import dev.chatstarter.core.internal.tool.ToolCallingExchange;
import dev.chatstarter.core.internal.tool.ToolCallingLoop;
import dev.chatstarter.core.internal.tool.ToolResolver;
import dev.chatstarter.core.internal.wire.ChatCompletionReader;
import dev.chatstarter.core.internal.wire.ChatRequestWriter;
import dev.chatstarter.core.internal.wire.ImageGeneration;
import dev.chatstarter.core.internal.wire.ModelAliasExchange;
import dev.chatstarter.core.internal.wire.ModelCatalog;
import dev.chatstarter.core.internal.wire.ProviderExchange;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.tool.ToolSettings;

/**
 * The stages of one template, composed once when it is built. A chat call walks straight
 * down {@code toolCalling → fallback → guard → observation → provider} and its answer, or
 * each chunk, straight back up.
 *
 * @param prompts what the template's prompts run on, with the top stage of chat calls and
 * streams
 * @param guard the provider's own guard, which fallback chains and routes of other
 * templates send to
 * @param http the provider exchange's HTTP client, for the state of its key pool
 * @param observations observes model listings and image generations (chat calls are
 * observed by their stage)
 * @param models lists the provider's models
 * @param images generates images
 */
record ChatPipeline(PromptPipeline prompts, GuardedExchange guard, ProviderHttpClient http,
		ChatObservations observations, ModelCatalog models, ImageGeneration images) {

	private static final JsonMapper DEFAULT_JSON_MAPPER = JsonMapper.builder().build();

	/**
	 * Return the mapper of a template's request and response bodies.
	 * @param settings what the template was built with
	 * @return its mapper, or the default one
	 */
	static JsonMapper jsonMapper(ChatTemplateSettings settings) {
		return (settings.jsonMapper() != null) ? settings.jsonMapper() : DEFAULT_JSON_MAPPER;
	}

	/**
	 * Compose the pipeline of a template.
	 * @param settings what the template was built with
	 * @return the pipeline
	 */
	static ChatPipeline assemble(ChatTemplateSettings settings) {
		String provider = settings.provider();
		JsonMapper jsonMapper = jsonMapper(settings);
		CleartextCredentials.warnIfExposed(provider, settings.http());
		SecretRedactor redactor = SecretRedactor.forCredentials(settings.http().apiKeys(), settings.http().headers());
		ChatErrorMapper errorMapper = new ChatErrorMapper(provider, redactor);
		ProviderHttpClient http = new ProviderHttpClient(provider, settings.http(), settings.transport().transport(),
				settings.transport().pool(), jsonMapper, errorMapper, settings.retryListener(),
				settings.resilience().clock());
		ChatObservations observations = new ChatObservations(provider, settings.http().baseUrl(),
				settings.observations());
		ChatExchange exchange = new ProviderExchange(http, new ChatRequestWriter(jsonMapper, settings.dialect()),
				new ChatCompletionReader(jsonMapper), errorMapper, settings.http().maxStreamBytes());
		exchange = ObservedExchange.over(observations, exchange);
		exchange = ModelAliasExchange.over(settings.modelAliases(), exchange);
		ResilienceSettings resilience = settings.resilience();
		ProviderCooldown cooldown = new ProviderCooldown(resilience.cooldown(), resilience.clock());
		SharedState shared = resilience.sharedState();
		CallLimiter limiter = SharedLimiter.of(provider, provider, resilience.limits(), resilience.clock(), shared);
		if (shared != null) {
			cooldown.share(shared, provider);
			http.share(shared);
		}
		SpendLedger ledger = SharedSpendLedger.of(shared, "provider:" + provider, settings.cost().budget());
		Spending spending = new Spending(provider, "chat.providers." + provider, settings.cost(), ledger,
				resilience.clock());
		GuardedExchange guard = new GuardedExchange(cooldown, limiter, spending, exchange);
		exchange = FallbackExchange.over(guard, settings.defaultOptions(), settings.fallbacks(),
				resilience.fallbackOn(), resilience.fallbackListener());
		ToolSettings tools = settings.tools();
		ToolCallingLoop loop = new ToolCallingLoop(provider, tools.execution(),
				observations.observeToolExecutions(tools.listener()), tools.errorConverter(), redactor);
		Duration callTimeout = settings.http().callTimeout();
		PromptPipeline prompts = new PromptPipeline(provider, settings.defaultOptions(),
				new ToolCallingExchange(loop, exchange), new ToolResolver(tools.registry(), tools.defaultTools()),
				new StructuredOutput(provider, settings.dialect().structuredOutput(), jsonMapper),
				(callTimeout != null) ? CallDeadline.configured(provider, callTimeout) : null, provider);
		return new ChatPipeline(prompts, guard, http, observations, new ModelCatalog(http, errorMapper),
				new ImageGeneration(http, jsonMapper, errorMapper));
	}

}
