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

package dev.chatstarter.core.internal.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.internal.resilience.CallLimiter;
import dev.chatstarter.core.internal.resilience.ProviderLimiter;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link SharedLimiter} and {@link SharedState} over a scripted store: what the store
 * decides, what happens while it fails or hangs, and how shared limiting resumes. The
 * Redis store itself is tested against a real server in the auto-configuration module.
 */
class SharedLimiterTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private final ScriptedStore store = new ScriptedStore();

	private final List<SharedState> states = new ArrayList<>();

	@AfterEach
	void close() {
		this.states.forEach(SharedState::close);
	}

	private SharedState state(SharedStateSettings.FailureMode mode) {
		SharedState state = SharedState.of(this.store,
				new SharedStateSettings(Duration.ofMillis(100), mode, Duration.ofSeconds(3), Duration.ofMillis(50)));
		this.states.add(state);
		return state;
	}

	private static SharedLimiter limiter(SharedState state, ProviderLimits.Mode mode, Duration maxWait) {
		return new SharedLimiter("relay", "relay", state,
				new ProviderLimiter("relay", new ProviderLimits(0, 2, 0, mode, maxWait), InstantSource.system()));
	}

	@Test
	void theStoreDecidesAndEndedCallsReturnTheirLeaseWithTheirTokens() {
		SharedLimiter limiter = limiter(state(SharedStateSettings.FailureMode.FAIL_OPEN), ProviderLimits.Mode.FAIL,
				Duration.ZERO);
		this.store.answers.add(SharedAdmission.granted("first", 0.5));
		CallLimiter.Permit permit = limiter.acquire().block(BOUND);
		assertThat(limiter.headroom()).isEqualTo(0.5);
		permit.recordTokens(120);
		permit.release();
		permit.release();
		assertThat(this.store.released).containsExactly("relay/120");
		this.store.answers.add(SharedAdmission.refused("second", "requests-per-minute 2", Duration.ofSeconds(30)));
		assertThatExceptionOfType(ChatLimitExceededException.class).isThrownBy(() -> limiter.acquire().block(BOUND))
			.withMessageContaining("requests-per-minute 2 (shared by the replicas)");
	}

	@Test
	void whileTheStoreFailsCallsAreDecidedByTheLocalLimitsWithoutAskingItAgain() {
		SharedState state = state(SharedStateSettings.FailureMode.FAIL_OPEN);
		SharedLimiter limiter = limiter(state, ProviderLimits.Mode.FAIL, Duration.ZERO);
		this.store.failing = true;
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
		assertThatExceptionOfType(ChatLimitExceededException.class).isThrownBy(() -> limiter.acquire().block(BOUND))
			.withMessageContaining("requests-per-minute 2")
			.withMessageNotContaining("shared");
		assertThat(state.isAvailable()).isFalse();
		assertThat(state.status().localDecisions()).isEqualTo(3);
		assertThat(state.status().lastFailure()).contains("store down");
		assertThat(this.store.admissions).as("asked once, then decided locally at once").hasValue(1);
	}

	@Test
	void aStoreThatHangsTimesOutAndSharedLimitingResumesWhenItAnswersAgain() {
		SharedState state = state(SharedStateSettings.FailureMode.FAIL_OPEN);
		SharedLimiter limiter = limiter(state, ProviderLimits.Mode.FAIL, Duration.ZERO);
		this.store.hanging = true;
		assertThat(limiter.acquire().block(BOUND)).as("decided locally after the time-out").isNotNull();
		assertThat(state.isAvailable()).isFalse();
		this.store.hanging = false;
		await().atMost(BOUND).until(state::isAvailable);
		this.store.answers.add(SharedAdmission.granted("back", 1));
		limiter.acquire().block(BOUND);
		assertThat(this.store.admissions).hasValue(2);
		assertThat(state.status().localDecisions()).isEqualTo(1);
	}

	@Test
	void failClosedRefusesCallsWhileTheStoreFails() {
		SharedLimiter limiter = limiter(state(SharedStateSettings.FailureMode.FAIL_CLOSED), ProviderLimits.Mode.FAIL,
				Duration.ZERO);
		this.store.failing = true;
		assertThatExceptionOfType(ChatLimitExceededException.class).isThrownBy(() -> limiter.acquire().block(BOUND))
			.withMessageContaining("cannot be checked")
			.withMessageContaining("chat.shared-state.when-unavailable=fail-closed");
	}

	@Test
	void aQueuedCallAsksAgainWhenTheRateMayHaveRoomWithinItsMaxWait() {
		SharedLimiter limiter = limiter(state(SharedStateSettings.FailureMode.FAIL_OPEN), ProviderLimits.Mode.QUEUE,
				Duration.ofSeconds(2));
		this.store.answers.add(SharedAdmission.refused("a", "requests-per-minute 2", Duration.ofMillis(150)));
		this.store.answers.add(SharedAdmission.granted("b", 1));
		long started = System.nanoTime();
		assertThat(limiter.acquire().block(BOUND)).isNotNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		this.store.answers.add(SharedAdmission.refused("c", "requests-per-minute 2", Duration.ofSeconds(30)));
		assertThatExceptionOfType(ChatLimitExceededException.class).isThrownBy(() -> limiter.acquire().block(BOUND))
			.withMessageContaining("would wait longer than 2000 ms");
	}

	@Test
	void releasesThatComeWhileOneIsUnderWayGoTogether() {
		SharedLimiter limiter = limiter(state(SharedStateSettings.FailureMode.FAIL_OPEN), ProviderLimits.Mode.FAIL,
				Duration.ZERO);
		List<CallLimiter.Permit> permits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			this.store.answers.add(SharedAdmission.granted("lease-" + i, 1));
			permits.add(limiter.acquire().block(BOUND));
		}
		this.store.slowReleases = true;
		for (int i = 0; i < 4; i++) {
			permits.get(i).recordTokens(10);
			permits.get(i).release();
		}
		await().atMost(BOUND).until(() -> this.store.released.size() == 2);
		assertThat(this.store.released).as("the first alone, the three that came meanwhile in one command")
			.containsExactly("relay/10", "relay/30");
	}

	@Test
	void heldLeasesAreRenewedUntilReleased() {
		SharedState state = state(SharedStateSettings.FailureMode.FAIL_OPEN);
		SharedLimiter limiter = new SharedLimiter("relay", "relay", state, new ProviderLimiter("relay",
				new ProviderLimits(1, 0, 0, ProviderLimits.Mode.FAIL, Duration.ZERO), InstantSource.system()));
		this.store.answers.add(SharedAdmission.granted("held", 0));
		CallLimiter.Permit permit = limiter.acquire().block(BOUND);
		assertThat(state.status().leasesHeld()).isEqualTo(1);
		await().atMost(BOUND).until(() -> this.store.renewed.contains("relay/held"));
		permit.release();
		assertThat(state.status().leasesHeld()).isZero();
	}

	@Test
	void marksOfOtherReplicasReachTheirWatchersAndSpendIsRead() {
		SharedState state = state(SharedStateSettings.FailureMode.FAIL_OPEN);
		List<Instant> seen = new CopyOnWriteArrayList<>();
		state.watch("cooldown:relay", seen::add);
		Instant until = Instant.now().plusSeconds(60);
		this.store.marks.put("cooldown:relay", until);
		await().atMost(BOUND).until(() -> seen.contains(until));
		SharedSpendLedger ledger = new SharedSpendLedger(state, "provider:relay");
		assertThat(ledger.spent("2026-12")).isZero();
		this.store.spends.put("provider:relay:2026-12", new BigDecimal("4.5"));
		await().atMost(BOUND).until(() -> ledger.spent("2026-12").compareTo(new BigDecimal("4.5")) == 0);
		ledger.add("2026-12", new BigDecimal("0.5"), Instant.now().plusSeconds(60));
		assertThat(ledger.spent("2026-12")).isEqualByComparingTo("5.0");
	}

}
