package dev.chatstarter.core.resilience;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ErrorDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderCooldown}, on a clock moved by hand.
 */
class ProviderCooldownTests {

	private final MutableClock clock = new MutableClock();

	private final ProviderCooldown cooldown = new ProviderCooldown(
			new CooldownPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(5)), this.clock);

	private static ChatServerException serverError() {
		return new ChatServerException(new ErrorDetails("p", 503, "overloaded", null, null, null), null);
	}

	@Test
	void opensAfterConsecutiveFailuresThenProbesOnce() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.cooldown.tryAcquire()).isTrue();
			this.cooldown.onFailure(serverError());
		}
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.OPEN);
		assertThat(this.cooldown.tryAcquire()).isFalse();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.HALF_OPEN);
		assertThat(this.cooldown.tryAcquire()).as("the probe").isTrue();
		assertThat(this.cooldown.tryAcquire()).as("only one probe").isFalse();
		this.cooldown.onSuccess();
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		assertThat(this.cooldown.tryAcquire()).isTrue();
	}

	@Test
	void failedProbeOpensAgain() {
		for (int i = 0; i < 3; i++) {
			this.cooldown.onFailure(serverError());
		}
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.cooldown.tryAcquire()).isTrue();
		this.cooldown.onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.OPEN);
		assertThat(this.cooldown.tryAcquire()).isFalse();
	}

	@Test
	void cancelledProbeLetsTheNextCallProbe() {
		for (int i = 0; i < 3; i++) {
			this.cooldown.onFailure(serverError());
		}
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.cooldown.tryAcquire()).isTrue();
		this.cooldown.onCancel();
		assertThat(this.cooldown.tryAcquire()).isTrue();
	}

	@Test
	void failuresSpreadBeyondTheWindowDoNotOpen() {
		this.cooldown.onFailure(serverError());
		this.cooldown.onFailure(serverError());
		this.clock.advance(Duration.ofSeconds(61));
		this.cooldown.onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		assertThat(this.cooldown.consecutiveFailures()).isEqualTo(1);
	}

	@Test
	void successResetsTheCount() {
		this.cooldown.onFailure(serverError());
		this.cooldown.onFailure(serverError());
		this.cooldown.onSuccess();
		this.cooldown.onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void badRequestsDoNotCount() {
		for (int i = 0; i < 5; i++) {
			this.cooldown.onFailure(
					new ChatBadRequestException(new ErrorDetails("p", 400, "bad", null, null, null), null));
		}
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
	}

}
