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
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.cost.CostSettings;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.model.ModelAliases;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.tool.ToolSettings;

/**
 * Everything a {@link DefaultChatTemplate} was built with: one record per concern.
 *
 * @param provider the provider's name
 * @param defaultOptions the options every call starts from
 * @param dialect how the provider's dialect differs from OpenAI's
 * @param modelAliases the provider's names for models
 * @param jsonMapper the mapper of request and response bodies, or {@code null} for the
 * default one
 * @param http how to reach the provider
 * @param transport the transport and its connection pool
 * @param retryListener told of each retry
 * @param tools the tools and how they run
 * @param observations how calls are observed
 * @param resilience how provider failures are handled
 * @param cost what calls cost and how much the provider may spend
 * @param fallbacks the templates a failed call moves to, in order
 */
record ChatTemplateSettings(String provider, ChatOptions defaultOptions, ProviderDialect dialect,
		ModelAliases modelAliases, @Nullable JsonMapper jsonMapper, HttpSettings http, TransportSettings transport,
		RetryListener retryListener, ToolSettings tools, ChatObservationSettings observations,
		ResilienceSettings resilience, CostSettings cost, List<FallbackMember> fallbacks) {

}
