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

package dev.chatstarter.core.internal.state;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.internal.resilience.CallLimiter;
import dev.chatstarter.core.internal.resilience.ProviderLimiter;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedLimits;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;
import dev.chatstarter.core.state.SharedStateUnavailableException;

/**
 * A provider's client-side limits counted for all replicas at once, in one round trip to
 * the shared store per call (and one, not waited for, when it ends). While the store does
 * not answer, calls are decided by this replica's own {@link ProviderLimiter} (fail-open)
 * or refused (fail-closed). Queued calls ({@link ProviderLimits.Mode#QUEUE}) ask again
 * when the rate may have room, or every {@link #POLL} for a concurrency permit, until
 * {@link ProviderLimits#maxWait()}.
 */
public final class SharedLimiter implements CallLimiter {

	/** How often a queued call asks again for a concurrency permit. */
	static final Duration POLL = Duration.ofMillis(50);

	private final String provider;

	private final SharedState state;

	private final SharedLimits shared;

	private final ProviderLimiter local;

	private volatile double headroom = 1;

	/**
	 * Create a shared limiter.
	 * @param provider the provider, for messages
	 * @param scope what the shared counts count, such as the provider's name
	 * @param state the shared state
	 * @param local this replica's own limiter, whose limits are shared and which decides
	 * while the store does not answer
	 */
	public SharedLimiter(String provider, String scope, SharedState state, ProviderLimiter local) {
		ProviderLimits limits = local.limits();
		this.provider = provider;
		this.state = state;
		this.shared = new SharedLimits(scope, limits.maxConcurrentRequests(), limits.requestsPerMinute(),
				limits.tokensPerMinute(), state.settings().leaseTime());
		this.local = local;
	}

	/**
	 * Return the limiter of some limits: counted for all replicas when they share state
	 * and there is a limit, else by this replica alone.
	 * @param provider the provider, for messages
	 * @param scope what the counts count when shared, such as the provider's name
	 * @param limits the limits
	 * @param clock the clock local rates are counted with
	 * @param state the shared state, or {@code null} when replicas share none
	 * @return the limiter
	 */
	public static CallLimiter of(String provider, String scope, ProviderLimits limits, InstantSource clock,
			@Nullable SharedState state) {
		ProviderLimiter local = new ProviderLimiter(provider, limits, clock);
		return (state != null && local.isLimited()) ? new SharedLimiter(provider, scope, state, local) : local;
	}

	@Override
	public boolean isLimited() {
		return this.local.isLimited();
	}

	@Override
	public Mono<? extends CallLimiter.Permit> acquire() {
		return Mono.defer(() -> admit(Schedulers.parallel().now(TimeUnit.MILLISECONDS)))
			.doOnDiscard(CallLimiter.Permit.class, CallLimiter.Permit::release);
	}

	@Override
	public double headroom() {
		return this.state.isAvailable() ? this.headroom : this.local.headroom();
	}

	private Mono<? extends CallLimiter.Permit> admit(long startedAt) {
		return this.state.admit(this.shared).<CallLimiter.Permit>flatMap((admission) -> {
			this.headroom = admission.headroom();
			return admission.granted() ? Mono.just(new SharedPermit(admission)) : whenRefused(admission, startedAt);
		}).onErrorResume(SharedStateUnavailableException.class, this::decideLocally);
	}

	/**
	 * Fail a refused call, or let it wait and ask again when queueing allows it.
	 * @param admission the refusal
	 * @param startedAt when the call first asked, in scheduler milliseconds
	 * @return the permit later, or the failure
	 */
	private Mono<CallLimiter.Permit> whenRefused(SharedAdmission admission, long startedAt) {
		ProviderLimits limits = this.local.limits();
		String limit = admission.limit() + " (shared by the replicas)";
		if (limits.whenExceeded() == ProviderLimits.Mode.FAIL) {
			return Mono.error(ProviderLimiter.exceeded(this.provider, limit));
		}
		Duration wait = (admission.retryAfter() != null) ? admission.retryAfter() : POLL;
		long waited = Schedulers.parallel().now(TimeUnit.MILLISECONDS) - startedAt;
		if (waited + wait.toMillis() > limits.maxWait().toMillis()) {
			return Mono.error(ProviderLimiter.exceeded(this.provider,
					limit + " (would wait longer than " + limits.maxWait().toMillis() + " ms)"));
		}
		return Mono.delay(wait).then(Mono.defer(() -> admit(startedAt)));
	}

	private Mono<? extends CallLimiter.Permit> decideLocally(SharedStateUnavailableException failure) {
		if (this.state.settings().whenUnavailable() == SharedStateSettings.FailureMode.FAIL_CLOSED) {
			return Mono.error(new ChatLimitExceededException(ErrorDetails.local(this.provider,
					"the shared limits of this provider cannot be checked (" + failure.getMessage()
							+ "); calls are refused while the store does not answer "
							+ "(chat.shared-state.when-unavailable=fail-closed)"),
					failure));
		}
		this.state.recordLocalDecision();
		return this.local.acquire();
	}

	@Override
	public String toString() {
		return "SharedLimiter[provider=" + this.provider + ", limits=" + this.shared + "]";
	}

	/**
	 * The lease of an admitted call; releasing it returns the lease and counts the tokens
	 * the call used.
	 */
	private final class SharedPermit implements CallLimiter.Permit {

		private final SharedAdmission admission;

		private final AtomicLong tokens = new AtomicLong();

		private final AtomicBoolean released = new AtomicBoolean();

		SharedPermit(SharedAdmission admission) {
			this.admission = admission;
		}

		@Override
		public void recordTokens(long count) {
			this.tokens.addAndGet(count);
		}

		@Override
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				SharedLimiter.this.state.release(SharedLimiter.this.shared, this.admission, this.tokens.get());
			}
		}

	}

}
