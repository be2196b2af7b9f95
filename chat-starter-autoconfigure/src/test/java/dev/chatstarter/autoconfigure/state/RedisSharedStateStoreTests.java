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

package dev.chatstarter.autoconfigure.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedLimits;
import dev.chatstarter.test.junit.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisSharedStateStore} against a real {@code redis-server}: the sliding minute,
 * the token bucket, expiring and renewed leases, and marks.
 */
class RedisSharedStateStoreTests {

	@RegisterExtension
	static RedisServerExtension redis = new RedisServerExtension();

	private LettuceConnectionFactory connectionFactory;

	private RedisSharedStateStore store;

	@BeforeEach
	void connect() {
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redis.server().host(), redis.server().port()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.store = new RedisSharedStateStore(new ReactiveStringRedisTemplate(this.connectionFactory),
				"test-" + UUID.randomUUID());
	}

	@AfterEach
	void disconnect() {
		this.connectionFactory.destroy();
	}

	@Test
	void admitsRequestsPerMinuteThenSaysWhenThereIsRoom() {
		SharedLimits limits = new SharedLimits("aigc", 0, 3, 0, Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			assertThat(admit(limits).granted()).isTrue();
		}
		SharedAdmission refused = admit(limits);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.limit()).isEqualTo("requests-per-minute 3");
		assertThat(refused.retryAfter()).isNotNull().isBetween(Duration.ofSeconds(58), Duration.ofSeconds(61));
	}

	@Test
	void releasedRequestsStillCountInTheirMinute() {
		SharedLimits limits = new SharedLimits("aigc", 0, 1, 0, Duration.ofSeconds(30));
		SharedAdmission first = admit(limits);
		this.store.release(limits, List.of(first.leaseId()), 10).block();
		assertThat(admit(limits).granted()).isFalse();
	}

	@Test
	void concurrencyLeasesReturnWhenReleasedOrExpired() throws InterruptedException {
		SharedLimits limits = new SharedLimits("aigc", 2, 0, 0, Duration.ofMillis(300));
		SharedAdmission first = admit(limits);
		SharedAdmission second = admit(limits);
		assertThat(second.headroom()).isEqualTo(0.5);
		SharedAdmission third = admit(limits);
		assertThat(third.granted()).isFalse();
		assertThat(third.limit()).isEqualTo("max-concurrent-requests 2");
		assertThat(third.retryAfter()).isNull();
		this.store.release(limits, List.of(first.leaseId()), 0).block();
		assertThat(admit(limits).granted()).isTrue();
		assertThat(admit(limits).granted()).isFalse();
		Thread.sleep(400);
		assertThat(admit(limits).granted()).as("expired leases return").isTrue();
		assertThat(second.granted()).isTrue();
	}

	@Test
	void severalLeasesReturnInOneCommand() {
		SharedLimits limits = new SharedLimits("aigc", 3, 0, 0, Duration.ofSeconds(30));
		SharedAdmission first = admit(limits);
		SharedAdmission second = admit(limits);
		admit(limits);
		assertThat(admit(limits).granted()).isFalse();
		this.store.release(limits, List.of(first.leaseId(), second.leaseId()), 0).block();
		assertThat(admit(limits).granted()).isTrue();
		assertThat(admit(limits).granted()).isTrue();
		assertThat(admit(limits).granted()).isFalse();
	}

	@Test
	void renewedLeasesOutliveTheirLeaseTimeButReturnedOnesDoNotComeBack() throws InterruptedException {
		SharedLimits limits = new SharedLimits("aigc", 1, 0, 0, Duration.ofMillis(400));
		SharedAdmission held = admit(limits);
		Thread.sleep(250);
		this.store.renew("aigc", List.of(held.leaseId()), limits.leaseTime()).block();
		Thread.sleep(250);
		assertThat(admit(limits).granted()).as("the renewed lease is still held").isFalse();
		this.store.release(limits, List.of(held.leaseId()), 0).block();
		this.store.renew("aigc", List.of(held.leaseId()), limits.leaseTime()).block();
		assertThat(admit(limits).granted()).as("renewing a returned lease does not bring it back").isTrue();
	}

	@Test
	void tokensOfEndedCallsAreChargedUntilTheBucketRefills() {
		SharedLimits limits = new SharedLimits("aigc", 0, 0, 600, Duration.ofSeconds(30));
		SharedAdmission call = admit(limits);
		assertThat(call.headroom()).isEqualTo(1.0);
		this.store.release(limits, List.of(call.leaseId()), 660).block();
		SharedAdmission refused = admit(limits);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.limit()).isEqualTo("tokens-per-minute 600");
		assertThat(refused.retryAfter()).isNotNull().isBetween(Duration.ofSeconds(1), Duration.ofSeconds(7));
	}

	@Test
	void absurdUsageHoldsTheTokenLimitShutForAMinuteAtMost() {
		SharedLimits limits = new SharedLimits("aigc", 0, 0, 600, Duration.ofSeconds(30));
		SharedAdmission call = admit(limits);
		this.store.release(limits, List.of(call.leaseId()), Integer.MAX_VALUE).block();
		SharedAdmission refused = admit(limits);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.retryAfter()).isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(61));
	}

	@Test
	void scopesCountApart() {
		SharedLimits aigc = new SharedLimits("aigc", 0, 1, 0, Duration.ofSeconds(30));
		SharedLimits other = new SharedLimits("other", 0, 1, 0, Duration.ofSeconds(30));
		assertThat(admit(aigc).granted()).isTrue();
		assertThat(admit(other).granted()).isTrue();
		assertThat(admit(aigc).granted()).isFalse();
	}

	@Test
	void marksLiveUntilTheirEndAndCanBeCleared() throws InterruptedException {
		Instant until = Instant.now().plusMillis(300);
		this.store.mark("cooldown:aigc", until).block();
		this.store.mark("cooldown:other", Instant.now().plusSeconds(30)).block();
		Map<String, Instant> marks = this.store.marks(List.of("cooldown:aigc", "cooldown:other", "cooldown:none"))
			.block();
		assertThat(marks).containsEntry("cooldown:aigc", Instant.ofEpochMilli(until.toEpochMilli()))
			.containsKey("cooldown:other")
			.doesNotContainKey("cooldown:none");
		this.store.mark("cooldown:other", Instant.now()).block();
		Thread.sleep(400);
		assertThat(this.store.marks(List.of("cooldown:aigc", "cooldown:other")).block()).isEmpty();
	}

	@Test
	void spendAddsUpAcrossCallsAndIsReadBack() {
		Instant end = Instant.now().plusSeconds(3600);
		assertThat(this.store.addSpend("provider:aigc:2026-12", new BigDecimal("0.0125"), end).block())
			.isEqualByComparingTo("0.0125");
		assertThat(this.store.addSpend("provider:aigc:2026-12", new BigDecimal("1.5"), end).block())
			.isEqualByComparingTo("1.5125");
		assertThat(this.store.spends(List.of("provider:aigc:2026-12", "provider:aigc:2026-11")).block())
			.containsOnlyKeys("provider:aigc:2026-12")
			.hasEntrySatisfying("provider:aigc:2026-12", (spend) -> assertThat(spend).isEqualByComparingTo("1.5125"));
	}

	@Test
	void pingAnswers() {
		this.store.ping().block(Duration.ofSeconds(5));
	}

	private SharedAdmission admit(SharedLimits limits) {
		return this.store.admit(limits, UUID.randomUUID().toString()).block(Duration.ofSeconds(5));
	}

}
