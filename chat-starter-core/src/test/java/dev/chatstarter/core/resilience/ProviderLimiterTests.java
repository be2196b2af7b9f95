package dev.chatstarter.core.resilience;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.chatstarter.core.error.ChatLimitExceededException;

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
		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class)
				.hasMessageContaining("max-concurrent-requests 1"))
			.verify(BOUND);
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
		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class)
				.hasMessageContaining("waited 50 ms"))
			.verify(BOUND);
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
		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("requests-per-minute 2"))
			.verify(BOUND);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
	}

	@Test
	void tokensPerMinuteCountReportedUsage() {
		ProviderLimiter limiter = limiter(0, 0, 100, ProviderLimits.Mode.FAIL, Duration.ZERO);
		ProviderLimiter.Permit permit = limiter.acquire().block(BOUND);
		permit.recordTokens(150);
		permit.release();
		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatLimitExceededException.class)
				.hasMessageContaining("tokens-per-minute 100"))
			.verify(BOUND);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
	}

}
