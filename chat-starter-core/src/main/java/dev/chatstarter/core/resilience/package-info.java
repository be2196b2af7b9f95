/**
 * Resilience across providers: fallback chains ({@link FallbackTrigger}, {@link FallbackListener}) and the cooldown
 * (circuit breaker) of a provider ({@link CooldownPolicy}, {@link ProviderCooldown}), and its client-side limits
 * ({@link ProviderLimits}, {@link ProviderLimiter}).
 */
@NullMarked
package dev.chatstarter.core.resilience;

import org.jspecify.annotations.NullMarked;

import dev.chatstarter.core.internal.resilience.ProviderCooldown;
import dev.chatstarter.core.internal.resilience.ProviderLimiter;
