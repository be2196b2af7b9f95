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

package dev.chatstarter.core.internal.resilience;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ChatQuotaException;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.state.SharedState;

/**
 * The cooldown (circuit breaker) of one provider, driven by a {@link CooldownPolicy}:
 * closed while calls succeed, open for {@link CooldownPolicy#duration()} after
 * {@link CooldownPolicy#failures()} consecutive failures within
 * {@link CooldownPolicy#window()}, then half-open, letting exactly one probe through.
 * Thread-safe.
 * <p>
 * Each call asks for a {@link Permit} with {@link #tryAcquire()} and reports its outcome
 * through it. Only the probe's outcome closes or re-opens a cooldown, and outcomes of
 * calls that started before the cooldown last opened or closed are ignored, so a late
 * failure of an old call cannot re-open a cooldown, and an unrelated cancel or bad
 * request cannot let a second probe through.
 */
public final class ProviderCooldown {

	private final CooldownPolicy policy;

	private final InstantSource clock;

	private int consecutiveFailures;

	private @Nullable Instant firstFailure;

	private @Nullable Instant openUntil;

	private @Nullable Permit probe;

	/**
	 * Incremented whenever the cooldown opens or closes; a permit's outcome counts only
	 * in its own generation.
	 */
	private long generation;

	/** Told when the cooldown opens or closes here, with when it ends. */
	private @Nullable Consumer<Instant> changes;

	/** The end of the last cooldown that closed here, so that its mark is not adopted. */
	private @Nullable Instant closedUntil;

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
	 * @return the state; {@link CooldownState#OPEN} while a probe is under way
	 */
	public synchronized CooldownState state() {
		if (this.openUntil == null) {
			return CooldownState.CLOSED;
		}
		return (this.probe != null || this.clock.instant().isBefore(this.openUntil)) ? CooldownState.OPEN
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
	 * Ask to call the provider. Closed: granted. Open: refused. Half-open: granted to
	 * exactly one caller, the probe, until that caller reports its outcome. A refused
	 * permit may still be used for a call that must go ahead (no fallback left); its
	 * outcome is ignored.
	 * @return the permit, through which the call reports its outcome exactly once
	 */
	public synchronized Permit tryAcquire() {
		if (this.openUntil == null) {
			return new Permit(this, this.generation, Kind.CALL);
		}
		if (this.probe != null || this.clock.instant().isBefore(this.openUntil)) {
			return new Permit(this, this.generation, Kind.REFUSED);
		}
		Permit permit = new Permit(this, this.generation, Kind.PROBE);
		this.probe = permit;
		return permit;
	}

	/**
	 * Share this cooldown with the other replicas: when it opens here, they open it too
	 * (at their next refresh) until the same time, and when its probe succeeds here, the
	 * mark is cleared; when another replica opens it, it opens here.
	 * @param state the shared state
	 * @param provider the provider, which names the mark
	 */
	public void share(SharedState state, String provider) {
		String mark = "cooldown:" + provider;
		synchronized (this) {
			this.changes = (until) -> state.publish(mark, until);
		}
		state.watch(mark, this::adopt);
	}

	/**
	 * Open the cooldown until a time another replica set, unless it is open as long
	 * already or that cooldown has closed here.
	 * @param until when the other replica's cooldown ends
	 */
	synchronized void adopt(Instant until) {
		if (!until.isAfter(this.clock.instant()) || this.openUntil != null && !this.openUntil.isBefore(until)
				|| this.closedUntil != null && !until.isAfter(this.closedUntil)) {
			return;
		}
		this.generation++;
		this.openUntil = until;
		this.probe = null;
		this.firstFailure = null;
		this.consecutiveFailures = 0;
	}

	private synchronized void succeeded(Permit permit) {
		if (!isCurrent(permit)) {
			return;
		}
		if (permit.kind == Kind.PROBE || this.openUntil == null) {
			close();
		}
	}

	private synchronized void failed(Permit permit, Throwable failure) {
		if (!isCurrent(permit)) {
			return;
		}
		boolean probe = permit.kind == Kind.PROBE;
		if (!counts(failure)) {
			if (probe) {
				this.probe = null;
			}
			return;
		}
		Instant now = this.clock.instant();
		if (probe) {
			open(now);
			return;
		}
		if (this.firstFailure == null || this.firstFailure.plus(this.policy.window()).isBefore(now)) {
			this.firstFailure = now;
			this.consecutiveFailures = 0;
		}
		this.consecutiveFailures++;
		if (this.consecutiveFailures >= this.policy.failures() && !this.policy.isDisabled()) {
			open(now);
		}
	}

	private synchronized void cancelled(Permit permit) {
		if (isCurrent(permit) && permit.kind == Kind.PROBE) {
			this.probe = null;
		}
	}

	private boolean isCurrent(Permit permit) {
		if (permit.kind == Kind.REFUSED || permit.generation != this.generation) {
			return false;
		}
		return permit.kind != Kind.PROBE || this.probe == permit;
	}

	private void open(Instant now) {
		this.generation++;
		this.openUntil = now.plus(this.policy.duration());
		this.probe = null;
		this.firstFailure = null;
		this.consecutiveFailures = 0;
		if (this.changes != null) {
			this.changes.accept(this.openUntil);
		}
	}

	private void close() {
		if (this.openUntil != null) {
			this.generation++;
			this.closedUntil = this.openUntil;
			if (this.changes != null) {
				this.changes.accept(this.clock.instant());
			}
		}
		this.openUntil = null;
		this.probe = null;
		this.firstFailure = null;
		this.consecutiveFailures = 0;
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

	private enum Kind {

		CALL, PROBE, REFUSED

	}

	/**
	 * The permission for one call, handed out by {@link ProviderCooldown#tryAcquire()}.
	 * The first report (success, failure or cancel) counts; later ones are ignored.
	 * Thread-safe.
	 */
	public static final class Permit {

		private final ProviderCooldown cooldown;

		private final long generation;

		private final Kind kind;

		private boolean reported;

		private Permit(ProviderCooldown cooldown, long generation, Kind kind) {
			this.cooldown = cooldown;
			this.generation = generation;
			this.kind = kind;
		}

		/**
		 * Whether the call may go ahead.
		 * @return {@code false} while the provider is cooling down or another call is
		 * probing it
		 */
		public boolean isGranted() {
			return this.kind != Kind.REFUSED;
		}

		/**
		 * Whether this call is the half-open probe, whose outcome closes or re-opens the
		 * cooldown.
		 * @return {@code true} for the probe
		 */
		public boolean isProbe() {
			return this.kind == Kind.PROBE;
		}

		/**
		 * Report a successful call: the cooldown closes (for the probe) and the failure
		 * count restarts.
		 */
		public void onSuccess() {
			if (firstReport()) {
				this.cooldown.succeeded(this);
			}
		}

		/**
		 * Report a failed call. Failures that say nothing of the provider's health (bad
		 * requests, content filters, malformed answers, a call refused locally) do not
		 * count; the probe's frees the probe slot.
		 * @param failure the failure
		 */
		public void onFailure(Throwable failure) {
			if (firstReport()) {
				this.cooldown.failed(this, failure);
			}
		}

		/**
		 * Report a call that ended without an outcome (cancelled): for the probe, the
		 * next call may probe again.
		 */
		public void onCancel() {
			if (firstReport()) {
				this.cooldown.cancelled(this);
			}
		}

		private synchronized boolean firstReport() {
			if (this.reported) {
				return false;
			}
			this.reported = true;
			return true;
		}

		@Override
		public String toString() {
			return "ProviderCooldown.Permit[" + this.kind + "]";
		}

	}

}
