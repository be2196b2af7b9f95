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

import java.time.InstantSource;
import java.util.List;
import java.util.Set;

import dev.chatstarter.core.internal.http.ConnectionPool;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;

/**
 * How a {@link DefaultChatTemplate} copes with its provider failing: the templates to
 * fall back to, which failures trigger that, who is told, when the provider cools down,
 * its client-side limits, and its connection pool.
 *
 * @param connectionPool the connection pool
 * @param ownsConnectionPool whether the template created the pool and disposes of it when
 * closed; templates made by {@code mutate()} share their origin's pool without owning it
 */
record ResilienceSettings(List<FallbackMember> fallbacks, Set<FallbackTrigger> fallbackOn,
		FallbackListener fallbackListener, CooldownPolicy cooldown, ProviderLimits limits, InstantSource clock,
		ConnectionPool connectionPool, boolean ownsConnectionPool) {

}
