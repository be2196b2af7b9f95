package dev.chatstarter.core.resilience;

/**
 * The state of a provider's cooldown (circuit breaker).
 */
public enum CooldownState {

	/** Calls go through. */
	CLOSED,

	/** The provider failed repeatedly and is skipped until its cooldown ends. */
	OPEN,

	/** The cooldown ended: the next call probes the provider; success closes, failure opens again. */
	HALF_OPEN

}
