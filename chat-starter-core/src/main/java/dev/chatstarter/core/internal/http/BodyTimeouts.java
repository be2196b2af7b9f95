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

package dev.chatstarter.core.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The two timeouts of an answer: the first part must arrive within the response timeout,
 * and every later part within the idle timeout of the one before. Unlike
 * {@code Flux.timeout(first, item -> Mono.delay(idle))}, which schedules and cancels a
 * timer for every buffer (half a microsecond each, per chunk of a stream), each answer
 * has one timer that only moves when it fires and finds that data arrived in the
 * meantime, as Netty's {@code IdleStateHandler} does; a buffer costs a clock read. The
 * timers live on one shared Netty {@link HashedWheelTimer} (20 ms ticks), whose
 * scheduling and cancelling cost far less than a {@code ScheduledThreadPoolExecutor}'s
 * under contention (about 10 µs per blocking call at 64 callers); a timeout is signalled
 * on Reactor's parallel scheduler, never on the timer's own thread.
 *
 * <p>
 * For an event stream, the parts are not activity by themselves: only the events with
 * data are, signalled through an {@link Activity}, so that keep-alive comments or a
 * trickled event do not hold the stream open.
 */
final class BodyTimeouts {

	private static final int ACTIVE = 0;

	private static final int ENDED = 1;

	private static final int TIMED_OUT = 2;

	private final long firstNanos;

	private final long idleNanos;

	private final TimeoutTimer timer;

	private final AtomicInteger state = new AtomicInteger(ACTIVE);

	private volatile long lastActivity;

	private volatile boolean started;

	private volatile @Nullable Disposable check;

	private volatile boolean disposed;

	private @Nullable MonoSink<Long> expiry;

	/**
	 * Whether every part is activity, or only what the {@link Activity} signals once the
	 * answer started.
	 */
	private final boolean partsAreActivity;

	private BodyTimeouts(Duration first, Duration idle, TimeoutTimer timer, boolean partsAreActivity) {
		this.firstNanos = first.toNanos();
		this.idleNanos = idle.toNanos();
		this.timer = timer;
		this.partsAreActivity = partsAreActivity;
		this.lastActivity = timer.nanoTime();
	}

	/**
	 * Start the shared timer, so that its thread is not started on an event loop by the
	 * first answer.
	 */
	static void initialize() {
		WheelTimer.TIMER.pendingTimeouts();
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
		return apply(body, first, idle, WheelTimer.INSTANCE, null);
	}

	/**
	 * Apply the timeouts to an answer whose first part starts it but whose later parts
	 * are not activity: only {@link Activity#signal()} is.
	 * @param body the parts of the answer
	 * @param first the longest wait for the first part
	 * @param idle the longest wait between two signals of activity
	 * @param activity signals the activity of the answer
	 * @param <T> the type of the parts
	 * @return the parts; the flux fails with a {@link Timeout} when a timeout passes
	 */
	static <T> Flux<T> apply(Flux<T> body, Duration first, Duration idle, Activity activity) {
		return apply(body, first, idle, WheelTimer.INSTANCE, activity);
	}

	static <T> Flux<T> apply(Flux<T> body, Duration first, Duration idle, TimeoutTimer timer) {
		return apply(body, first, idle, timer, null);
	}

	static <T> Flux<T> apply(Flux<T> body, Duration first, Duration idle, TimeoutTimer timer,
			@Nullable Activity activity) {
		return Flux.defer(() -> {
			BodyTimeouts timeouts = new BodyTimeouts(first, idle, timer, activity == null);
			if (activity != null) {
				activity.timeouts = timeouts;
			}
			return body.doOnNext((part) -> timeouts.onPart())
				.doOnTerminate(timeouts::onEnd)
				.takeUntilOther(Mono.<Long>create(timeouts::start))
				.concatWith(
						Mono.defer(() -> timeouts.timedOut() ? Mono.error(timeouts::timeoutException) : Mono.empty()));
		});
	}

	private void onPart() {
		if (this.started && !this.partsAreActivity) {
			return;
		}
		this.lastActivity = this.timer.nanoTime();
		if (!this.started) {
			this.started = true;
			if (this.idleNanos < this.firstNanos) {
				// the check waits for the response timeout: bring it forward to the idle
				// timeout
				Disposable scheduled = this.check;
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
		Disposable scheduled = this.timer.schedule(this::check, delayNanos);
		this.check = scheduled;
		if (this.disposed) {
			scheduled.dispose();
		}
	}

	private void check() {
		if (this.disposed || this.state.get() != ACTIVE) {
			return;
		}
		long now = this.timer.nanoTime();
		long deadline = this.lastActivity + (this.started ? this.idleNanos : this.firstNanos);
		if (now - deadline < 0) {
			schedule(deadline - now);
			return;
		}
		MonoSink<Long> sink = this.expiry;
		if (sink != null && this.state.compareAndSet(ACTIVE, TIMED_OUT)) {
			this.timer.signal(() -> sink.success(now));
		}
	}

	private void dispose() {
		this.disposed = true;
		Disposable scheduled = this.check;
		if (scheduled != null) {
			scheduled.dispose();
		}
	}

	/**
	 * Signals the activity of one answer whose parts are not activity by themselves, e.g.
	 * the events of a stream. One instance serves one subscription of the answer.
	 */
	static final class Activity {

		private volatile @Nullable BodyTimeouts timeouts;

		/**
		 * Record activity: the idle timeout starts again.
		 */
		void signal() {
			BodyTimeouts timeouts = this.timeouts;
			if (timeouts != null) {
				timeouts.lastActivity = timeouts.timer.nanoTime();
			}
		}

	}

	/**
	 * Schedules the checks of the timeouts.
	 */
	interface TimeoutTimer {

		/**
		 * Return the timer's clock.
		 * @return the time in nanoseconds, only meaningful as a difference
		 */
		long nanoTime();

		/**
		 * Run a task after a delay.
		 * @param task the task
		 * @param delayNanos the delay in nanoseconds
		 * @return cancels the task
		 */
		Disposable schedule(Runnable task, long delayNanos);

		/**
		 * Signal a timeout downstream, off the timer's own thread.
		 * @param signal the signal
		 */
		void signal(Runnable signal);

		/**
		 * Return a timer on a Reactor scheduler, e.g. a virtual-time one in tests.
		 * @param scheduler the scheduler
		 * @return the timer
		 */
		static TimeoutTimer on(Scheduler scheduler) {
			return new TimeoutTimer() {

				@Override
				public long nanoTime() {
					return scheduler.now(TimeUnit.NANOSECONDS);
				}

				@Override
				public Disposable schedule(Runnable task, long delayNanos) {
					return scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
				}

				@Override
				public void signal(Runnable signal) {
					scheduler.schedule(signal);
				}

			};
		}

	}

	/**
	 * The shared wheel timer; timeouts are signalled on Reactor's parallel scheduler.
	 */
	static final class WheelTimer implements TimeoutTimer {

		static final HashedWheelTimer TIMER = start();

		static final WheelTimer INSTANCE = new WheelTimer();

		private static HashedWheelTimer start() {
			HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("chat-timeouts", true), 20,
					TimeUnit.MILLISECONDS, 512);
			timer.start();
			return timer;
		}

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public Disposable schedule(Runnable task, long delayNanos) {
			io.netty.util.Timeout timeout = TIMER.newTimeout((expired) -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
			return timeout::cancel;
		}

		@Override
		public void signal(Runnable signal) {
			Schedulers.parallel().schedule(signal);
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
		 * @return {@code true} for the idle timeout, {@code false} for the response
		 * timeout
		 */
		boolean started() {
			return this.started;
		}

	}

}
