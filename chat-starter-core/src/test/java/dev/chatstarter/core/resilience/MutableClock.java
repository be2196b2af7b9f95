package dev.chatstarter.core.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock the test moves by hand.
 */
public final class MutableClock implements InstantSource {

	private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

	@Override
	public Instant instant() {
		return this.now;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
