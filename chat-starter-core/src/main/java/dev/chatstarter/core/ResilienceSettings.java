package dev.chatstarter.core;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;

import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;

/**
 * How a {@link DefaultChatTemplate} copes with its provider failing: the templates to fall back to, which failures
 * trigger that, who is told, when the provider cools down, and its client-side limits.
 */
record ResilienceSettings(List<DefaultChatTemplate> fallbacks, Set<FallbackTrigger> fallbackOn,
		FallbackListener fallbackListener, CooldownPolicy cooldown, ProviderLimits limits, InstantSource clock) {

}
