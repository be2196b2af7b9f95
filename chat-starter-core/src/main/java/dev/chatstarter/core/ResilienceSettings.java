package dev.chatstarter.core;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;

/**
 * How a {@link DefaultChatTemplate} copes with its provider failing: the templates to fall back to, which failures
 * trigger that, who is told, when the provider cools down, its client-side limits, and its connection pool.
 */
record ResilienceSettings(List<DefaultChatTemplate> fallbacks, Set<FallbackTrigger> fallbackOn,
		FallbackListener fallbackListener, CooldownPolicy cooldown, ProviderLimits limits, InstantSource clock,
		@Nullable ConnectionProvider connectionProvider) {

}
