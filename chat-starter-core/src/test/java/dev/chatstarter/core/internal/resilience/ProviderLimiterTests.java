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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.resilience.MutableClock;
import dev.chatstarter.core.resilience.ProviderLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderLimiter}; rates are counted on a clock moved by hand.
 */
class ProviderLimiterTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private final MutableClock clock = new MutableClock();

	private ProviderLimiter limiter(int concurrent, int rpm, long tpm, ProviderLimits.Mode mode, Duration maxWait) {
		return new ProviderLimiter("p", new ProviderLimits(concurrent, rpm, tpm, mode, maxWait), this.clock);
	}

	@Test
	void concurrencyOverTheLimitFailsAtOnce() {
		ProviderLimiter limiter = limiter(1, 0, 0, ProviderLimits.Mode.FAIL, Duration.ZERO);
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		assertRefused(limiter, "max-concurrent-requests 1");
		first.release();
		first.release();
		assertThat(limiter.inFlight()).isZero();
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
	}

	@Test
	void queuedCallGetsThePermitWhenOneIsReleased() {
		ProviderLimiter limiter = limiter(1, 0, 0, ProviderLimits.Mode.QUEUE, Duration.ofMinutes(1));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		Mono<ProviderLimiter.Permit> second = limiter.acquire();
		StepVerifier.create(second)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.then(first::release)
			.expectNextCount(1)
			.expectComplete()
			.verify(BOUND);
		assertThat(limiter.inFlight()).isOne();
	}

	@Test
	void queuedCallFailsAfterMaxWait() {
		ProviderLimiter limiter = limiter(1, 0, 0, ProviderLimits.Mode.QUEUE, Duration.ofMillis(50));
		limiter.acquire().block(BOUND);
		assertRefused(limiter, "waited 50 ms");
	}

	@Test
	void cancelledWaiterLeavesTheQueue() {
		ProviderLimiter limiter = limiter(1, 0, 0, ProviderLimits.Mode.QUEUE, Duration.ofMinutes(1));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		Disposable waiting = limiter.acquire().subscribe();
		waiting.dispose();
		first.release();
		assertThat(limiter.inFlight()).isZero();
	}

	@Test
	void requestsPerMinuteSlideWithTheClock() {
		ProviderLimiter limiter = limiter(0, 2, 0, ProviderLimits.Mode.FAIL, Duration.ZERO);
		limiter.acquire().block(BOUND).release();
		this.clock.advance(Duration.ofSeconds(30));
		limiter.acquire().block(BOUND).release();
		assertRefused(limiter, "requests-per-minute 2");
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
	}

	@Test
	void tokensPerMinuteCountReportedUsage() {
		ProviderLimiter limiter = limiter(0, 0, 100, ProviderLimits.Mode.FAIL, Duration.ZERO);
		ProviderLimiter.Permit permit = limiter.acquire().block(BOUND);
		permit.recordTokens(150);
		permit.release();
		assertRefused(limiter, "tokens-per-minute 100");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
	}

	/**
	 * The review's harness (C19): a call refused for concurrency does not use up the
	 * requests-per-minute budget.
	 */
	@Test
	void callRefusedForConcurrencyDoesNotCountAgainstTheRate() {
		ProviderLimiter limiter = limiter(1, 2, 0, ProviderLimits.Mode.FAIL, Duration.ZERO);
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		assertRefused(limiter, "max-concurrent-requests 1");
		first.release();
		ProviderLimiter.Permit third = limiter.acquire().block(BOUND);
		assertThat(third).as("only one request was sent before").isNotNull();
		third.release();
		assertRefused(limiter, "requests-per-minute 2");
	}

	@Test
	void queuedCallCountsAgainstTheRateOnlyWhenGranted() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ProviderLimiter limiter = new ProviderLimiter("p",
				new ProviderLimits(1, 2, 0, ProviderLimits.Mode.QUEUE, Duration.ofSeconds(30)), clockOf(time));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		StepVerifier.withVirtualTime(limiter::acquire, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10))
			.then(first::release)
			.assertNext(ProviderLimiter.Permit::release)
			.expectComplete()
			.verify(BOUND);
		assertRefused(limiter, "requests-per-minute 2");
	}

	/**
	 * A queued call waits for the tokens-per-minute window twice (10 s, then 20 s); each
	 * step alone is shorter than {@code max-wait} (25 s), the two together are not: the
	 * call fails at the second step, not after 30 s.
	 */
	@Test
	void queuedCallWaitsAtMostMaxWaitInAllAcrossRateSteps() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ProviderLimiter limiter = new ProviderLimiter("p",
				new ProviderLimits(0, 0, 100, ProviderLimits.Mode.QUEUE, Duration.ofSeconds(25)), clockOf(time));
		useTokens(limiter, 50);
		time.advanceTimeBy(Duration.ofSeconds(20));
		useTokens(limiter, 40);
		time.advanceTimeBy(Duration.ofSeconds(10));
		useTokens(limiter, 60);
		time.advanceTimeBy(Duration.ofSeconds(20));
		long start = time.now(TimeUnit.MILLISECONDS);
		StepVerifier.withVirtualTime(limiter::acquire, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class)
				.hasMessageContaining("tokens-per-minute 100"))
			.verify(BOUND);
		assertThat(time.now(TimeUnit.MILLISECONDS) - start).isLessThanOrEqualTo(25_000);
	}

	/**
	 * A queued call first waits for a concurrency permit, then for the rate: the one
	 * deadline covers both.
	 */
	@Test
	void queuedCallWaitsAtMostMaxWaitInAllAcrossConcurrencyAndRate() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ProviderLimiter limiter = new ProviderLimiter("p",
				new ProviderLimits(1, 1, 0, ProviderLimits.Mode.QUEUE, Duration.ofSeconds(40)), clockOf(time));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		StepVerifier.withVirtualTime(limiter::acquire, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(30))
			.then(first::release)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class)
				.hasMessageContaining("requests-per-minute 1")
				.hasMessageContaining("longer than 40000 ms"))
			.verify(BOUND);
		assertThat(limiter.inFlight()).isZero();
	}

	@Test
	void queuedCallTimesOutOnceWhileWaitingForConcurrency() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ProviderLimiter limiter = new ProviderLimiter("p",
				new ProviderLimits(1, 0, 0, ProviderLimits.Mode.QUEUE, Duration.ofSeconds(5)), clockOf(time));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		StepVerifier.withVirtualTime(limiter::acquire, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("waited 5000 ms"))
			.verify(BOUND);
		first.release();
		assertThat(limiter.inFlight()).isZero();
	}

	@Test
	void concurrentQueuedCallsNeverExceedTheLimits() {
		ProviderLimiter limiter = limiter(2, 40, 0, ProviderLimits.Mode.QUEUE, Duration.ofSeconds(10));
		java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
		StepVerifier.create(reactor.core.publisher.Flux.range(0, 60)
			.flatMap((i) -> limiter.acquire()
				.publishOn(reactor.core.scheduler.Schedulers.parallel())
				.doOnNext((permit) -> {
					granted.incrementAndGet();
					maxInFlight.accumulateAndGet(limiter.inFlight(), Math::max);
				})
				.delayElement(Duration.ofMillis(1))
				.doOnNext(ProviderLimiter.Permit::release)
				.onErrorResume(ChatLimitExceededException.class, (ex) -> {
					refused.incrementAndGet();
					return Mono.empty();
				}), 60))
			.expectNextCount(40)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(granted).hasValue(40);
		assertThat(refused).as("over requests-per-minute 40, failing at once").hasValue(20);
		assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
		assertThat(limiter.inFlight()).isZero();
	}

	@Test
	void queuedCallsGetPermitsInTheirOrderAndNewCallsQueueBehindThem() {
		ProviderLimiter limiter = limiter(1, 0, 0, ProviderLimits.Mode.QUEUE, Duration.ofMinutes(1));
		ProviderLimiter.Permit first = limiter.acquire().block(BOUND);
		java.util.List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.List<ProviderLimiter.Permit> permits = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int i = 0; i < 3; i++) {
			int index = i;
			limiter.acquire().subscribe((permit) -> {
				order.add(index);
				permits.add(permit);
			});
		}
		first.release();
		assertThat(order).containsExactly(0);
		limiter.acquire().subscribe((permit) -> {
			order.add(3);
			permits.add(permit);
		});
		assertThat(order).as("a new call does not pass the queue").containsExactly(0);
		for (int i = 0; i < 3; i++) {
			permits.get(i).release();
		}
		assertThat(order).containsExactly(0, 1, 2, 3);
		permits.get(3).release();
		assertThat(limiter.inFlight()).isZero();
	}

	/**
	 * Check that the limiter refuses the next call with a
	 * {@link ChatLimitExceededException} naming the limit.
	 */
	private static void assertRefused(ProviderLimiter limiter, String message) {
		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class).hasMessageContaining(message))
			.verify(BOUND);
	}

	private static void useTokens(ProviderLimiter limiter, long tokens) {
		ProviderLimiter.Permit permit = limiter.acquire().block(BOUND);
		permit.recordTokens(tokens);
		permit.release();
	}

	private static InstantSource clockOf(VirtualTimeScheduler time) {
		return () -> Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS));
	}

}
