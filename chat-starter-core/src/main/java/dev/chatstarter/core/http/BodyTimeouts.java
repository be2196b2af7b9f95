package dev.chatstarter.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The two timeouts of an answer: the first part must arrive within the response timeout, and every later part
 * within the idle timeout of the one before. Unlike {@code Flux.timeout(first, item -> Mono.delay(idle))}, which
 * schedules and cancels a timer for every buffer (half a microsecond each, per chunk of a stream), each answer has one
 * timer that only moves when it fires and finds that data arrived in the meantime, as Netty's
 * {@code IdleStateHandler} does; a buffer costs a clock read (the scheduler's clock, so that tests can run on virtual time).
 */
final class BodyTimeouts {

	private static final int ACTIVE = 0;

	private static final int ENDED = 1;

	private static final int TIMED_OUT = 2;

	private final long firstNanos;

	private final long idleNanos;

	private final Scheduler scheduler;

	private final AtomicInteger state = new AtomicInteger(ACTIVE);

	private volatile long lastActivity;

	private volatile boolean started;

	private volatile @Nullable Disposable timer;

	private volatile boolean disposed;

	private @Nullable MonoSink<Long> expiry;

	private BodyTimeouts(Duration first, Duration idle, Scheduler scheduler) {
		this.firstNanos = first.toNanos();
		this.idleNanos = idle.toNanos();
		this.scheduler = scheduler;
		this.lastActivity = scheduler.now(TimeUnit.NANOSECONDS);
	}

	/**
	 * Apply the timeouts to an answer, counted from the subscription.
	 * @param body the parts of the answer
	 * @param first the longest wait for the first part
	 * @param idle the longest wait between two parts
	 * @param <T> the type of the parts
	 * @return the parts; the flux fails with a {@link Timeout} when a timeout passes
	 */
	static <T> Flux<T> apply(Flux<T> body, Duration first, Duration idle) {
		return apply(body, first, idle, Schedulers.parallel());
	}

	static <T> Flux<T> apply(Flux<T> body, Duration first, Duration idle, Scheduler scheduler) {
		return Flux.defer(() -> {
			BodyTimeouts timeouts = new BodyTimeouts(first, idle, scheduler);
			return body.doOnNext((part) -> timeouts.onPart())
				.doOnTerminate(timeouts::onEnd)
				.takeUntilOther(Mono.<Long>create(timeouts::start))
				.concatWith(Mono.defer(() -> timeouts.timedOut() ? Mono.error(timeouts::timeoutException)
						: Mono.empty()));
		});
	}

	private void onPart() {
		this.lastActivity = this.scheduler.now(TimeUnit.NANOSECONDS);
		if (!this.started) {
			this.started = true;
			if (this.idleNanos < this.firstNanos) {
				// the timer waits for the response timeout: bring it forward to the idle timeout
				Disposable scheduled = this.timer;
				if (scheduled != null) {
					scheduled.dispose();
				}
				schedule(this.idleNanos);
			}
		}
	}

	private void onEnd() {
		this.state.compareAndSet(ACTIVE, ENDED);
	}

	private boolean timedOut() {
		return this.state.get() == TIMED_OUT;
	}

	private Timeout timeoutException() {
		return new Timeout(this.started);
	}

	private void start(MonoSink<Long> sink) {
		this.expiry = sink;
		sink.onDispose(this::dispose);
		schedule(this.firstNanos);
	}

	private void schedule(long delayNanos) {
		if (this.disposed) {
			return;
		}
		Disposable scheduled = this.scheduler.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
		this.timer = scheduled;
		if (this.disposed) {
			scheduled.dispose();
		}
	}

	private void check() {
		if (this.disposed || this.state.get() != ACTIVE) {
			return;
		}
		long now = this.scheduler.now(TimeUnit.NANOSECONDS);
		long deadline = this.lastActivity + (this.started ? this.idleNanos : this.firstNanos);
		if (now - deadline < 0) {
			schedule(deadline - now);
			return;
		}
		MonoSink<Long> sink = this.expiry;
		if (sink != null && this.state.compareAndSet(ACTIVE, TIMED_OUT)) {
			sink.success(now);
		}
	}

	private void dispose() {
		this.disposed = true;
		Disposable scheduled = this.timer;
		if (scheduled != null) {
			scheduled.dispose();
		}
	}

	/**
	 * The failure of an answer that timed out.
	 */
	static final class Timeout extends TimeoutException {

		private final boolean started;

		Timeout(boolean started) {
			super(started ? "no data within the idle timeout" : "no answer in time");
			this.started = started;
		}

		/**
		 * Whether the answer had started, so that it was the idle timeout that passed.
		 * @return {@code true} for the idle timeout, {@code false} for the response timeout
		 */
		boolean started() {
			return this.started;
		}

	}

}
