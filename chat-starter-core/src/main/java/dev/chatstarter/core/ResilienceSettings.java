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
 * How a {@link DefaultChatTemplate} copes with its provider failing: the templates to fall back to, which failures
 * trigger that, who is told, when the provider cools down, its client-side limits, and its connection pool.
 *
 * @param connectionPool the connection pool
 * @param ownsConnectionPool whether the template created the pool and disposes of it when closed; templates
 * made by {@code mutate()} share their origin's pool without owning it
 */
record ResilienceSettings(List<FallbackMember> fallbacks, Set<FallbackTrigger> fallbackOn,
		FallbackListener fallbackListener, CooldownPolicy cooldown, ProviderLimits limits, InstantSource clock,
		ConnectionPool connectionPool, boolean ownsConnectionPool) {

}
