package dev.chatstarter.core.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.error.ErrorDetails;

import org.springframework.util.Assert;

/**
 * Applies {@link ProviderLimits} to the calls of one provider: hands out a {@link Permit} per call, or refuses it with
 * a {@link ChatLimitExceededException}, or (with {@link ProviderLimits.Mode#QUEUE}) makes it wait without blocking a
 * thread. Rates are counted over a sliding minute of the given clock. Thread-safe.
 */
public final class ProviderLimiter {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final String provider;

	private final ProviderLimits limits;

	private final InstantSource clock;

	private int inFlight;

	private final Deque<Waiter> waiters = new ArrayDeque<>();

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
	 * Whether any limit is set; without one, {@link #acquire()} always grants a permit at once and calls need not ask.
	 * @return {@code true} when calls must ask for a permit
	 */
	public boolean isLimited() {
		return this.limits.isLimited();
	}

	/**
	 * Ask for a permit to send one call. The permit must be {@linkplain Permit#release() released} when the call
	 * ends, however it ends.
	 * @return the permit, a {@link ChatLimitExceededException}, or (when queueing) a permit later
	 */
	public Mono<Permit> acquire() {
		if (!this.limits.isLimited()) {
			return Mono.just(new Permit(false));
		}
		return Mono.defer(() -> {
			Duration rateWait = tryRate();
			if (rateWait != null) {
				if (this.limits.whenExceeded() == ProviderLimits.Mode.FAIL
						|| rateWait.compareTo(this.limits.maxWait()) > 0) {
					return Mono.error(exceeded(rateLimitName()));
				}
				return Mono.delay(rateWait).then(acquire());
			}
			return concurrencyPermit();
		});
	}

	private Mono<Permit> concurrencyPermit() {
		synchronized (this) {
			if (this.limits.maxConcurrentRequests() == 0 || this.inFlight < this.limits.maxConcurrentRequests()) {
				this.inFlight++;
				return Mono.just(new Permit(true));
			}
		}
		if (this.limits.whenExceeded() == ProviderLimits.Mode.FAIL || this.limits.maxWait().isZero()) {
			return Mono.error(exceeded("max-concurrent-requests " + this.limits.maxConcurrentRequests()));
		}
		return Mono.create((sink) -> {
			Waiter waiter = new Waiter(sink);
			synchronized (this) {
				if (this.inFlight < this.limits.maxConcurrentRequests()) {
					this.inFlight++;
					sink.success(new Permit(true));
					return;
				}
				this.waiters.add(waiter);
			}
			waiter.timeout = Schedulers.parallel()
				.schedule(waiter::timeOut, this.limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
			sink.onCancel(waiter::cancel);
		});
	}

	/**
	 * Count a request against the per-minute rate when there is room.
	 * @return {@code null} when counted, else how long until there may be room
	 */
	private synchronized @Nullable Duration tryRate() {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(MINUTE);
		while (!this.requests.isEmpty() && !this.requests.peekFirst().isAfter(windowStart)) {
			this.requests.pollFirst();
		}
		while (!this.tokens.isEmpty() && !this.tokens.peekFirst().at().isAfter(windowStart)) {
			this.tokensInWindow -= this.tokens.pollFirst().count();
		}
		if (this.limits.requestsPerMinute() > 0 && this.requests.size() >= this.limits.requestsPerMinute()) {
			return Duration.between(windowStart, this.requests.peekFirst());
		}
		if (this.limits.tokensPerMinute() > 0 && this.tokensInWindow >= this.limits.tokensPerMinute()) {
			return Duration.between(windowStart, this.tokens.peekFirst().at());
		}
		if (this.limits.requestsPerMinute() > 0) {
			this.requests.addLast(now);
		}
		return null;
	}

	private String rateLimitName() {
		synchronized (this) {
			return (this.limits.requestsPerMinute() > 0 && this.requests.size() >= this.limits.requestsPerMinute())
					? "requests-per-minute " + this.limits.requestsPerMinute()
					: "tokens-per-minute " + this.limits.tokensPerMinute();
		}
	}

	private synchronized void recordTokens(long count) {
		if (this.limits.tokensPerMinute() > 0 && count > 0) {
			this.tokens.addLast(new TokenUse(this.clock.instant(), count));
			this.tokensInWindow += count;
		}
	}

	private void release() {
		Waiter next;
		synchronized (this) {
			while ((next = this.waiters.pollFirst()) != null) {
				if (next.grant()) {
					break;
				}
			}
			if (next == null) {
				this.inFlight--;
				return;
			}
		}
		next.sink.success(next.permit);
	}

	private ChatLimitExceededException exceeded(String limit) {
		return new ChatLimitExceededException(ErrorDetails.local(this.provider,
				"the client-side limit " + limit + " of this provider is reached"), null);
	}

	@Override
	public String toString() {
		return "ProviderLimiter[provider=" + this.provider + ", limits=" + this.limits + ", inFlight=" + inFlight()
				+ "]";
	}

	/**
	 * The right to send one call; release it when the call ends.
	 */
	public final class Permit {

		private final AtomicBoolean released;

		private Permit(boolean counted) {
			this.released = new AtomicBoolean(!counted);
		}

		/**
		 * Record the tokens the call used, for the tokens-per-minute limit.
		 * @param count the total tokens
		 */
		public void recordTokens(long count) {
			ProviderLimiter.this.recordTokens(count);
		}

		/**
		 * Release the permit; later calls do nothing.
		 */
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				ProviderLimiter.this.release();
			}
		}

	}

	private record TokenUse(Instant at, long count) {

	}

	/**
	 * A call waiting for a concurrency permit.
	 */
	private final class Waiter {

		private static final int WAITING = 0;

		private static final int GRANTED = 1;

		private static final int GONE = 2;

		private final MonoSink<Permit> sink;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private volatile @Nullable Disposable timeout;

		private final Permit permit = new Permit(true);

		Waiter(MonoSink<Permit> sink) {
			this.sink = sink;
		}

		boolean grant() {
			boolean granted = this.state.compareAndSet(WAITING, GRANTED);
			Disposable timer = this.timeout;
			if (granted && timer != null) {
				timer.dispose();
			}
			return granted;
		}

		void timeOut() {
			if (this.state.compareAndSet(WAITING, GONE)) {
				synchronized (ProviderLimiter.this) {
					ProviderLimiter.this.waiters.remove(this);
				}
				ProviderLimits limits = ProviderLimiter.this.limits;
				this.sink.error(exceeded("max-concurrent-requests " + limits.maxConcurrentRequests() + " (waited "
						+ limits.maxWait().toMillis() + " ms)"));
			}
		}

		void cancel() {
			Disposable timer = this.timeout;
			if (timer != null) {
				timer.dispose();
			}
			if (this.state.compareAndSet(WAITING, GONE)) {
				synchronized (ProviderLimiter.this) {
					ProviderLimiter.this.waiters.remove(this);
				}
			}
			else if (this.state.get() == GRANTED) {
				// granted while the caller went away: the permit may never reach it
				this.permit.release();
			}
		}

	}

}
