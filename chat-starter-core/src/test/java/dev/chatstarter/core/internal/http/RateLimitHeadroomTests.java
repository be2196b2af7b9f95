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

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.chatstarter.core.resilience.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the rate-limit headroom a provider reports, including values a hostile or
 * sloppy provider sends.
 */
class RateLimitHeadroomTests {

	private final MutableClock clock = new MutableClock();

	private final RateLimitHeadroom headroom = new RateLimitHeadroom(this.clock);

	@Test
	void nothingReportedIsUnknown() {
		this.headroom.record(new HttpHeaders());

		assertThat(this.headroom.share()).isEqualTo(-1);
	}

	@Test
	void theSmallerShareOfRequestsAndTokensCounts() {
		this.headroom.record(headers("x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "80",
				"x-ratelimit-limit-tokens", "10000", "x-ratelimit-remaining-tokens", "2500"));

		assertThat(this.headroom.share()).isEqualTo(0.25);
	}

	@Test
	void aReportExpiresAtTheResetTheProviderAnnounced() {
		this.headroom.record(headers("x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "0",
				"x-ratelimit-reset-requests", "1m30.5s"));

		this.clock.advance(Duration.ofSeconds(90));
		assertThat(this.headroom.share()).isZero();
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.headroom.share()).isEqualTo(-1);
	}

	@Test
	void aReportWithoutResetIsTrustedForAMinute() {
		this.headroom.record(headers("x-ratelimit-remaining-requests", "0"));

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.headroom.share()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.headroom.share()).isEqualTo(-1);
	}

	@Test
	void aPlainNumberOfSecondsAndMillisecondsAreResets() {
		this.headroom.record(headers("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "20ms"));
		this.clock.advance(Duration.ofMillis(20));
		assertThat(this.headroom.share()).isEqualTo(-1);

		this.headroom.record(headers("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2"));
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(this.headroom.share()).isZero();
	}

	@Test
	void hostileValuesAreNotRead() {
		this.headroom.record(headers("x-ratelimit-remaining-requests", "9".repeat(10_000), "x-ratelimit-limit-requests",
				"-5", "x-ratelimit-reset-requests", "1".repeat(10_000) + "h"));
		assertThat(this.headroom.share()).isEqualTo(1);

		this.headroom.record(headers("x-ratelimit-remaining-requests", "NaN", "x-ratelimit-reset-requests", "1.2.3s"));
		assertThat(this.headroom.share()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.headroom.share()).isEqualTo(-1);
	}

	@Test
	void noResetIsTrustedLongerThanAnHour() {
		this.headroom.record(headers("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "999h"));

		this.clock.advance(Duration.ofHours(1));

		assertThat(this.headroom.share()).isEqualTo(-1);
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
