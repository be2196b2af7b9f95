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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.resilience.MutableClock;

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

	private static ChatBadRequestException badRequest() {
		return new ChatBadRequestException(new ErrorDetails("p", 400, "bad", null, null, null), null);
	}

	private void failThreeTimes() {
		for (int i = 0; i < 3; i++) {
			this.cooldown.tryAcquire().onFailure(serverError());
		}
	}

	@Test
	void anotherReplicasCooldownIsAdoptedUntilItsEnd() {
		this.cooldown.adopt(this.clock.instant().plusSeconds(20));
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.OPEN);
		assertThat(this.cooldown.tryAcquire().isGranted()).isFalse();
		this.cooldown.adopt(this.clock.instant().plusSeconds(10));
		assertThat(this.cooldown.openUntil()).as("a shorter mark does not shorten it")
			.isEqualTo(this.clock.instant().plusSeconds(20));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.HALF_OPEN);
		this.cooldown.adopt(this.clock.instant().minusSeconds(1));
		assertThat(this.cooldown.state()).as("a mark that ended is ignored").isEqualTo(CooldownState.HALF_OPEN);
	}

	@Test
	void aCooldownThatClosedHereIsNotReopenedByItsOwnMark() {
		failThreeTimes();
		Instant until = this.cooldown.openUntil();
		this.clock.advance(Duration.ofSeconds(5));
		ProviderCooldown.Permit probe = this.cooldown.tryAcquire();
		assertThat(probe.isProbe()).isTrue();
		probe.onSuccess();
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		this.cooldown.adopt(until);
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		this.cooldown.adopt(this.clock.instant().plusSeconds(30));
		assertThat(this.cooldown.state()).as("a later cooldown of another replica").isEqualTo(CooldownState.OPEN);
	}

	@Test
	void opensAfterConsecutiveFailuresThenProbesOnce() {
		for (int i = 0; i < 3; i++) {
			ProviderCooldown.Permit permit = this.cooldown.tryAcquire();
			assertThat(permit.isGranted()).isTrue();
			assertThat(permit.isProbe()).isFalse();
			permit.onFailure(serverError());
		}
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.OPEN);
		assertThat(this.cooldown.tryAcquire().isGranted()).isFalse();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.HALF_OPEN);
		ProviderCooldown.Permit probe = this.cooldown.tryAcquire();
		assertThat(probe.isGranted()).as("the probe").isTrue();
		assertThat(probe.isProbe()).isTrue();
		assertThat(this.cooldown.tryAcquire().isGranted()).as("only one probe").isFalse();
		probe.onSuccess();
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		assertThat(this.cooldown.tryAcquire().isGranted()).isTrue();
	}

	@Test
	void failedProbeOpensAgain() {
		failThreeTimes();
		this.clock.advance(Duration.ofSeconds(6));
		this.cooldown.tryAcquire().onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.OPEN);
		assertThat(this.cooldown.tryAcquire().isGranted()).isFalse();
	}

	@Test
	void cancelledProbeLetsTheNextCallProbe() {
		failThreeTimes();
		this.clock.advance(Duration.ofSeconds(6));
		this.cooldown.tryAcquire().onCancel();
		assertThat(this.cooldown.tryAcquire().isProbe()).isTrue();
	}

	@Test
	void probeFailingForItsOwnRequestLetsTheNextCallProbe() {
		failThreeTimes();
		this.clock.advance(Duration.ofSeconds(6));
		this.cooldown.tryAcquire().onFailure(badRequest());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.HALF_OPEN);
		assertThat(this.cooldown.tryAcquire().isProbe()).isTrue();
	}

	/**
	 * The review's harness (C18): with one failure opening the cooldown, an unrelated
	 * cancel and an unrelated 400 each let another caller through.
	 */
	@Test
	void unrelatedCancelsAndBadRequestsDoNotFreeTheProbeSlot() {
		ProviderCooldown oneFailure = new ProviderCooldown(
				new CooldownPolicy(1, Duration.ofSeconds(60), Duration.ofSeconds(5)), this.clock);
		ProviderCooldown.Permit oldCancelled = oneFailure.tryAcquire();
		ProviderCooldown.Permit oldBadRequest = oneFailure.tryAcquire();
		oneFailure.tryAcquire().onFailure(serverError());
		this.clock.advance(Duration.ofSeconds(6));
		ProviderCooldown.Permit probe = oneFailure.tryAcquire();
		assertThat(probe.isProbe()).isTrue();
		ProviderCooldown.Permit refused = oneFailure.tryAcquire();
		assertThat(refused.isGranted()).isFalse();
		oldCancelled.onCancel();
		assertThat(oneFailure.tryAcquire().isGranted()).as("after an unrelated cancel").isFalse();
		oldBadRequest.onFailure(badRequest());
		assertThat(oneFailure.tryAcquire().isGranted()).as("after an unrelated 400").isFalse();
		refused.onCancel();
		refused.onFailure(badRequest());
		assertThat(oneFailure.tryAcquire().isGranted()).as("after a refused call's outcome").isFalse();
		probe.onSuccess();
		assertThat(oneFailure.state()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void callsStartedBeforeTheCooldownOpenedDoNotReopenOrCloseIt() {
		ProviderCooldown.Permit lateFailure = this.cooldown.tryAcquire();
		ProviderCooldown.Permit lateSuccess = this.cooldown.tryAcquire();
		failThreeTimes();
		this.clock.advance(Duration.ofSeconds(6));
		ProviderCooldown.Permit probe = this.cooldown.tryAcquire();
		lateFailure.onFailure(serverError());
		assertThat(this.cooldown.openUntil()).as("not re-opened by an old call")
			.isEqualTo(this.clock.instant().minusSeconds(1));
		lateSuccess.onSuccess();
		assertThat(this.cooldown.state()).as("not closed by an old call").isEqualTo(CooldownState.OPEN);
		probe.onSuccess();
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void callsStartedBeforeTheCooldownClosedDoNotCountAfterIt() {
		failThreeTimes();
		ProviderCooldown.Permit forced = this.cooldown.tryAcquire();
		assertThat(forced.isGranted()).isFalse();
		this.clock.advance(Duration.ofSeconds(6));
		ProviderCooldown.Permit probe = this.cooldown.tryAcquire();
		probe.onSuccess();
		forced.onFailure(serverError());
		assertThat(this.cooldown.consecutiveFailures()).isZero();
	}

	@Test
	void onlyTheFirstReportOfAPermitCounts() {
		failThreeTimes();
		this.clock.advance(Duration.ofSeconds(6));
		ProviderCooldown.Permit probe = this.cooldown.tryAcquire();
		probe.onSuccess();
		probe.onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		ProviderCooldown.Permit call = this.cooldown.tryAcquire();
		call.onFailure(serverError());
		call.onFailure(serverError());
		call.onFailure(serverError());
		assertThat(this.cooldown.consecutiveFailures()).isEqualTo(1);
	}

	@Test
	void manyConcurrentCallersGetExactlyOneProbeWhileOthersEndUnrelatedCalls() {
		Bounded.run(Duration.ofSeconds(30), () -> {
			int threads = 16;
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				for (int round = 0; round < 50; round++) {
					List<ProviderCooldown.Permit> unrelated = new ArrayList<>();
					for (int i = 0; i < threads; i++) {
						unrelated.add(this.cooldown.tryAcquire());
					}
					failThreeTimes();
					this.clock.advance(Duration.ofSeconds(6));
					CyclicBarrier start = new CyclicBarrier(threads);
					List<Future<List<ProviderCooldown.Permit>>> results = new ArrayList<>();
					for (int t = 0; t < threads; t++) {
						ProviderCooldown.Permit old = unrelated.get(t);
						boolean cancel = t % 2 == 0;
						results.add(executor.submit(() -> {
							start.await(10, TimeUnit.SECONDS);
							List<ProviderCooldown.Permit> granted = new ArrayList<>();
							for (int i = 0; i < 20; i++) {
								ProviderCooldown.Permit permit = this.cooldown.tryAcquire();
								if (permit.isGranted()) {
									granted.add(permit);
								}
								if (i == 10) {
									if (cancel) {
										old.onCancel();
									}
									else {
										old.onFailure(badRequest());
									}
								}
							}
							return granted;
						}));
					}
					List<ProviderCooldown.Permit> granted = new ArrayList<>();
					for (Future<List<ProviderCooldown.Permit>> result : results) {
						granted.addAll(result.get());
					}
					assertThat(granted).as("round " + round)
						.singleElement()
						.satisfies((permit) -> assertThat(permit.isProbe()).isTrue());
					granted.get(0).onSuccess();
					assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
				}
			}
			finally {
				executor.shutdownNow();
			}
		});
	}

	@Test
	void failuresSpreadBeyondTheWindowDoNotOpen() {
		this.cooldown.tryAcquire().onFailure(serverError());
		this.cooldown.tryAcquire().onFailure(serverError());
		this.clock.advance(Duration.ofSeconds(61));
		this.cooldown.tryAcquire().onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
		assertThat(this.cooldown.consecutiveFailures()).isEqualTo(1);
	}

	@Test
	void successResetsTheCount() {
		this.cooldown.tryAcquire().onFailure(serverError());
		this.cooldown.tryAcquire().onFailure(serverError());
		this.cooldown.tryAcquire().onSuccess();
		this.cooldown.tryAcquire().onFailure(serverError());
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
	}

	@Test
	void badRequestsDoNotCount() {
		for (int i = 0; i < 5; i++) {
			this.cooldown.tryAcquire().onFailure(badRequest());
		}
		assertThat(this.cooldown.state()).isEqualTo(CooldownState.CLOSED);
	}

}
