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

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.resilience.ProviderLimits;

/**
 * Applies {@link ProviderLimits} to the calls of one provider: hands out a {@link Permit}
 * per call, or refuses it with a {@link ChatLimitExceededException}, or (with
 * {@link ProviderLimits.Mode#QUEUE}) makes it wait without blocking a thread. Rates are
 * counted over a sliding minute of the given clock. Thread-safe.
 */
public final class ProviderLimiter implements CallLimiter {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final String provider;

	private final ProviderLimits limits;

	private final InstantSource clock;

	private int inFlight;

	private final Deque<QueuedAcquisition> waiters = new ArrayDeque<>();

	private final Deque<Instant> requests = new ArrayDeque<>();

	private final Deque<TokenUse> tokens = new ArrayDeque<>();

	private long tokensInWindow;

	/**
	 * Create a limiter.
	 * @param provider the provider name, for messages
	 * @param limits the limits
	 * @param clock the clock that rates are counted with
	 */
	public ProviderLimiter(String provider, ProviderLimits limits, InstantSource clock) {
		Assert.notNull(provider, "provider must not be null");
		Assert.notNull(limits, "limits must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.provider = provider;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Return the limits.
	 * @return the limits
	 */
	public ProviderLimits limits() {
		return this.limits;
	}

	/**
	 * Return the number of calls in flight.
	 * @return the count
	 */
	public synchronized int inFlight() {
		return this.inFlight;
	}

	/**
	 * Whether any limit is set; without one, {@link #acquire()} always grants a permit at
	 * once and calls need not ask.
	 * @return {@code true} when calls must ask for a permit
	 */
	@Override
	public boolean isLimited() {
		return this.limits.isLimited();
	}

	/**
	 * Ask for a permit to send one call. The permit must be {@linkplain Permit#release()
	 * released} when the call ends, however it ends. A request counts against the
	 * per-minute rate only once it is granted its concurrency permit. A queued call waits
	 * at most {@link ProviderLimits#maxWait()} in all, however many times it waits for
	 * room in the rate or for a concurrency permit.
	 * @return the permit, a {@link ChatLimitExceededException}, or (when queueing) a
	 * permit later
	 */
	@Override
	public Mono<Permit> acquire() {
		if (!this.limits.isLimited()) {
			return Mono.just(new Permit(false));
		}
		return Mono.defer(() -> {
			Admission admission = tryAdmit(null, false);
			if (admission.permit() != null) {
				return Mono.just(admission.permit());
			}
			if (this.limits.whenExceeded() == ProviderLimits.Mode.FAIL
					|| admission.rateWait() == null && this.limits.maxWait().isZero()
					|| admission.rateWait() != null && admission.rateWait().compareTo(this.limits.maxWait()) > 0) {
				return Mono.error(exceeded(admission.limit()));
			}
			return Mono.<Permit>create((sink) -> new QueuedAcquisition(sink).start())
				.doOnDiscard(Permit.class, Permit::release);
		});
	}

	/**
	 * Grant a permit when both the rate and the concurrency limit have room, counting the
	 * request against the rate only then; else say which limit is reached. A first try
	 * does not pass calls already queued. A queued acquisition that finds no concurrency
	 * permit joins the queue in the same step, so that no release can be missed: at its
	 * head when it had been woken from it, else at its end.
	 * @param queued the queued acquisition asking, or {@code null} for a first try
	 * @param woken whether {@code queued} was just taken from the head of the queue
	 * @return the admission
	 */
	private synchronized Admission tryAdmit(@Nullable QueuedAcquisition queued, boolean woken) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(MINUTE);
		forgetBefore(windowStart);
		int maxConcurrent = this.limits.maxConcurrentRequests();
		if (maxConcurrent > 0 && (this.inFlight >= maxConcurrent || queued == null && !this.waiters.isEmpty())) {
			if (queued != null && woken) {
				this.waiters.addFirst(queued);
			}
			else if (queued != null) {
				this.waiters.addLast(queued);
			}
			return new Admission(null, null, "max-concurrent-requests " + maxConcurrent);
		}
		if (this.limits.requestsPerMinute() > 0 && this.requests.size() >= this.limits.requestsPerMinute()) {
			return new Admission(null, Duration.between(windowStart, this.requests.peekFirst()),
					"requests-per-minute " + this.limits.requestsPerMinute());
		}
		if (this.limits.tokensPerMinute() > 0 && this.tokensInWindow >= this.limits.tokensPerMinute()) {
			return new Admission(null, Duration.between(windowStart, this.tokens.peekFirst().at()),
					"tokens-per-minute " + this.limits.tokensPerMinute());
		}
		if (this.limits.requestsPerMinute() > 0) {
			this.requests.addLast(now);
		}
		this.inFlight++;
		return new Admission(new Permit(true), null, "");
	}

	/**
	 * Drop the requests and tokens counted before the window.
	 * @param windowStart where the per-minute window starts
	 */
	private void forgetBefore(Instant windowStart) {
		while (!this.requests.isEmpty() && !this.requests.peekFirst().isAfter(windowStart)) {
			this.requests.pollFirst();
		}
		while (!this.tokens.isEmpty() && !this.tokens.peekFirst().at().isAfter(windowStart)) {
			this.tokensInWindow -= this.tokens.pollFirst().count();
		}
	}

	/**
	 * Return the share left of the tightest limit: concurrency, requests or tokens in the
	 * current minute.
	 * @return a share from {@code 0} to {@code 1}; {@code 1} without limits
	 */
	@Override
	public synchronized double headroom() {
		if (!this.limits.isLimited()) {
			return 1;
		}
		forgetBefore(this.clock.instant().minus(MINUTE));
		double share = 1;
		if (this.limits.maxConcurrentRequests() > 0) {
			share = Math.min(share, left(this.inFlight, this.limits.maxConcurrentRequests()));
		}
		if (this.limits.requestsPerMinute() > 0) {
			share = Math.min(share, left(this.requests.size(), this.limits.requestsPerMinute()));
		}
		if (this.limits.tokensPerMinute() > 0) {
			share = Math.min(share, left(this.tokensInWindow, this.limits.tokensPerMinute()));
		}
		return share;
	}

	private static double left(long used, long limit) {
		return Math.max(0, 1 - (double) used / limit);
	}

	private synchronized void recordTokens(long count) {
		if (this.limits.tokensPerMinute() > 0 && count > 0) {
			this.tokens.addLast(new TokenUse(this.clock.instant(), count));
			this.tokensInWindow += count;
		}
	}

	private void release() {
		synchronized (this) {
			this.inFlight--;
		}
		wakeNextWaiter();
	}

	/**
	 * Let the first waiting call try again, within the same lock as taking it from the
	 * queue, so that a new call cannot take its place in between.
	 */
	private void wakeNextWaiter() {
		QueuedAcquisition next;
		Admission admission = null;
		synchronized (this) {
			do {
				next = this.waiters.pollFirst();
			}
			while (next != null && (admission = next.admit(true)) == null);
		}
		if (next != null && admission != null) {
			next.deliver(admission);
		}
	}

	private static void dispose(@Nullable Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
	}

	private ChatLimitExceededException exceeded(String limit) {
		return exceeded(this.provider, limit);
	}

	/**
	 * Create the failure of a call that a client-side limit refused.
	 * @param provider the provider
	 * @param limit the limit, such as {@code requests-per-minute 60}, and why the call
	 * gave up
	 * @return the failure
	 */
	public static ChatLimitExceededException exceeded(String provider, String limit) {
		return new ChatLimitExceededException(
				ErrorDetails.local(provider, "the client-side limit " + limit + " of this provider is reached"), null);
	}

	@Override
	public String toString() {
		return "ProviderLimiter[provider=" + this.provider + ", limits=" + this.limits + ", inFlight=" + inFlight()
				+ "]";
	}

	/**
	 * The right to send one call; release it when the call ends.
	 */
	public final class Permit implements CallLimiter.Permit {

		private final AtomicBoolean released;

		private Permit(boolean counted) {
			this.released = new AtomicBoolean(!counted);
		}

		/**
		 * Record the tokens the call used, for the tokens-per-minute limit.
		 * @param count the total tokens
		 */
		@Override
		public void recordTokens(long count) {
			ProviderLimiter.this.recordTokens(count);
		}

		/**
		 * Release the permit; later calls do nothing.
		 */
		@Override
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				ProviderLimiter.this.release();
			}
		}

	}

	private record TokenUse(Instant at, long count) {

	}

	/**
	 * The outcome of one try: a permit, or the limit that is reached and, for a rate, how
	 * long until there may be room.
	 */
	private record Admission(@Nullable Permit permit, @Nullable Duration rateWait, String limit) {

	}

	/**
	 * A call that waits for room ({@link ProviderLimits.Mode#QUEUE}): it tries again when
	 * a permit is released or the rate may have room, until one deadline, {@code maxWait}
	 * after it started. Its state changes under the limiter's lock.
	 */
	private final class QueuedAcquisition {

		private final MonoSink<Permit> sink;

		private final Scheduler scheduler = Schedulers.parallel();

		private final long startedAt = this.scheduler.now(TimeUnit.MILLISECONDS);

		private boolean done;

		private String limit = "";

		private volatile @Nullable Disposable deadline;

		private volatile @Nullable Disposable delay;

		QueuedAcquisition(MonoSink<Permit> sink) {
			this.sink = sink;
		}

		void start() {
			this.sink.onCancel(this::cancel);
			this.deadline = this.scheduler.schedule(this::timeOut, ProviderLimiter.this.limits.maxWait().toMillis(),
					TimeUnit.MILLISECONDS);
			retry();
		}

		/**
		 * Try again.
		 */
		void retry() {
			Admission admission;
			synchronized (ProviderLimiter.this) {
				admission = admit(false);
			}
			if (admission != null) {
				deliver(admission);
			}
		}

		/**
		 * Try for a permit; called under the limiter's lock.
		 * @param woken whether it was just taken from the head of the queue
		 * @return the admission, or {@code null} when this call has already ended
		 */
		@Nullable Admission admit(boolean woken) {
			if (this.done) {
				return null;
			}
			Admission admission = tryAdmit(this, woken);
			this.limit = admission.limit();
			this.done = admission.permit() != null;
			return admission;
		}

		/**
		 * Act on an admission, outside the lock: hand over the permit, fail when the wait
		 * needed would pass the deadline, or try again when the rate may have room.
		 * @param admission the admission
		 */
		void deliver(Admission admission) {
			if (admission.permit() != null) {
				dispose(this.deadline);
				this.sink.success(admission.permit());
				return;
			}
			Duration wait = admission.rateWait();
			if (wait != null) {
				long elapsed = this.scheduler.now(TimeUnit.MILLISECONDS) - this.startedAt;
				long left = ProviderLimiter.this.limits.maxWait().toMillis() - elapsed;
				if (wait.toMillis() > left) {
					fail(" (would wait longer than " + ProviderLimiter.this.limits.maxWait().toMillis() + " ms)");
					return;
				}
				this.delay = this.scheduler.schedule(this::retry, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
			}
		}

		private void timeOut() {
			fail(" (waited " + ProviderLimiter.this.limits.maxWait().toMillis() + " ms)");
		}

		private void fail(String why) {
			String reached;
			synchronized (ProviderLimiter.this) {
				reached = this.limit;
			}
			if (end()) {
				this.sink.error(exceeded(reached + why));
			}
		}

		private void cancel() {
			// once granted, a permit that does not reach the caller is released as a
			// discarded value
			end();
		}

		/**
		 * Give up waiting. One that had been woken, or was waiting for the rate, may hold
		 * the wake-up of a released permit: it hands it on.
		 * @return whether this ended the wait ({@code false} when it had ended already,
		 * granted or not)
		 */
		private boolean end() {
			boolean queued;
			synchronized (ProviderLimiter.this) {
				if (this.done) {
					return false;
				}
				this.done = true;
				queued = ProviderLimiter.this.waiters.remove(this);
			}
			dispose(this.deadline);
			dispose(this.delay);
			if (!queued) {
				wakeNextWaiter();
			}
			return true;
		}

	}

}
