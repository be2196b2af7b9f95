package dev.chatstarter.core.resilience;

import java.time.Instant;
import java.time.InstantSource;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ChatQuotaException;

import org.springframework.util.Assert;

/**
 * The cooldown (circuit breaker) of one provider, driven by a {@link CooldownPolicy}: closed while calls succeed,
 * open for {@link CooldownPolicy#duration()} after {@link CooldownPolicy#failures()} consecutive failures within
 * {@link CooldownPolicy#window()}, then half-open, letting exactly one probe through. Thread-safe.
 */
public final class ProviderCooldown {

	private final CooldownPolicy policy;

	private final InstantSource clock;

	private int consecutiveFailures;

	private @Nullable Instant firstFailure;

	private @Nullable Instant openUntil;

	private boolean probing;

	/**
	 * Create a cooldown.
	 * @param policy the policy
	 * @param clock the clock
	 */
	public ProviderCooldown(CooldownPolicy policy, InstantSource clock) {
		Assert.notNull(policy, "policy must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Return the policy.
	 * @return the policy
	 */
	public CooldownPolicy policy() {
		return this.policy;
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public synchronized CooldownState state() {
		if (this.openUntil == null) {
			return CooldownState.CLOSED;
		}
		return (this.probing || this.clock.instant().isBefore(this.openUntil)) ? CooldownState.OPEN
				: CooldownState.HALF_OPEN;
	}

	/**
	 * Return when the current cooldown ends.
	 * @return the end, or {@code null} when the provider is not cooling down
	 */
	public synchronized @Nullable Instant openUntil() {
		return this.openUntil;
	}

	/**
	 * Return the number of consecutive counted failures.
	 * @return the count
	 */
	public synchronized int consecutiveFailures() {
		return this.consecutiveFailures;
	}

	/**
	 * Ask to call the provider. Closed: yes. Open: no. Half-open: yes for exactly one caller (the probe) until it
	 * reports its outcome.
	 * @return whether the call may go ahead
	 */
	public synchronized boolean tryAcquire() {
		if (this.openUntil == null) {
			return true;
		}
		if (this.probing || this.clock.instant().isBefore(this.openUntil)) {
			return false;
		}
		this.probing = true;
		return true;
	}

	/**
	 * Report a successful call: the cooldown closes and the failure count restarts.
	 */
	public synchronized void onSuccess() {
		this.consecutiveFailures = 0;
		this.firstFailure = null;
		this.openUntil = null;
		this.probing = false;
	}

	/**
	 * Report a failed call. Failures that say nothing of the provider's health (bad requests, content filters,
	 * malformed answers, a call refused locally) do not count, but end a probe.
	 * @param failure the failure
	 */
	public synchronized void onFailure(Throwable failure) {
		if (!counts(failure)) {
			this.probing = false;
			return;
		}
		Instant now = this.clock.instant();
		if (this.probing) {
			this.probing = false;
			this.openUntil = now.plus(this.policy.duration());
			return;
		}
		if (this.firstFailure == null || this.firstFailure.plus(this.policy.window()).isBefore(now)) {
			this.firstFailure = now;
			this.consecutiveFailures = 0;
		}
		this.consecutiveFailures++;
		if (this.consecutiveFailures >= this.policy.failures() && !this.policy.isDisabled()) {
			this.openUntil = now.plus(this.policy.duration());
			this.firstFailure = null;
			this.consecutiveFailures = 0;
		}
	}

	/**
	 * Report a call that ended without an outcome (cancelled): a probe may be sent again.
	 */
	public synchronized void onCancel() {
		this.probing = false;
	}

	private static boolean counts(Throwable failure) {
		if (!(failure instanceof ChatException chatFailure) || failure instanceof ChatProviderUnavailableException) {
			return false;
		}
		return chatFailure.isRetryable() || failure instanceof ChatAuthenticationException
				|| failure instanceof ChatQuotaException;
	}

	@Override
	public synchronized String toString() {
		return "ProviderCooldown[state=" + state() + ", consecutiveFailures=" + this.consecutiveFailures
				+ ", openUntil=" + this.openUntil + ", policy=" + this.policy + "]";
	}

}
