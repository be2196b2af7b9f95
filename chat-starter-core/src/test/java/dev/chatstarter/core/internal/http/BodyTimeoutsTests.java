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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BodyTimeouts}, on virtual time.
 */
class BodyTimeoutsTests {

	private static final Duration FIRST = Duration.ofSeconds(60);

	private static final Duration IDLE = Duration.ofSeconds(120);

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final TestPublisher<String> body = TestPublisher.create();

	private final List<String> signals = new CopyOnWriteArrayList<>();

	private Disposable subscribe(Duration first, Duration idle) {
		return BodyTimeouts.apply(this.body.flux(), first, idle, BodyTimeouts.TimeoutTimer.on(this.clock))
			.subscribe(this.signals::add,
					(ex) -> this.signals.add(ex.getClass().getSimpleName() + ": " + ex.getMessage()),
					() -> this.signals.add("complete"));
	}

	private void advance(long seconds) {
		this.clock.advanceTimeBy(Duration.ofSeconds(seconds));
	}

	@Test
	void withAnActivityOnlyItsSignalsKeepTheAnswerOpenOnceItStarted() {
		BodyTimeouts.Activity activity = new BodyTimeouts.Activity();
		BodyTimeouts.apply(this.body.flux(), FIRST, IDLE, BodyTimeouts.TimeoutTimer.on(this.clock), activity)
			.subscribe(this.signals::add, (ex) -> this.signals.add(ex.getClass().getSimpleName()));
		advance(30);
		this.body.next("first");
		advance(100);
		activity.signal();
		for (int i = 0; i < 11; i++) {
			// parts that carry no event, e.g. keep-alive comments
			advance(10);
			this.body.next("comment" + i);
		}
		assertThat(this.signals).doesNotContain("Timeout");
		advance(11);
		assertThat(this.signals).endsWith("Timeout");
		this.body.assertCancelled();
	}

	@Test
	void anAnswerThatNeverStartsTimesOutAfterTheResponseTimeout() {
		subscribe(FIRST, IDLE);
		advance(59);
		assertThat(this.signals).isEmpty();
		advance(2);
		assertThat(this.signals).containsExactly("Timeout: no answer in time");
		this.body.assertCancelled();
	}

	@Test
	void aStreamThatGoesSilentTimesOutAfterTheIdleTimeout() {
		subscribe(FIRST, IDLE);
		this.body.next("a");
		advance(100);
		this.body.next("b");
		advance(119);
		assertThat(this.signals).containsExactly("a", "b");
		advance(2);
		assertThat(this.signals).containsExactly("a", "b", "Timeout: no data within the idle timeout");
		this.body.assertCancelled();
	}

	@Test
	void anIdleTimeoutShorterThanTheResponseTimeoutAppliesAsSoonAsTheAnswerStarted() {
		subscribe(FIRST, Duration.ofSeconds(5));
		advance(30);
		this.body.next("a");
		advance(4);
		assertThat(this.signals).containsExactly("a");
		advance(2);
		assertThat(this.signals).containsExactly("a", "Timeout: no data within the idle timeout");
	}

	@Test
	void aHealthyLongStreamIsNeverCut() {
		subscribe(FIRST, IDLE);
		advance(50);
		this.body.next("first");
		for (int i = 0; i < 9; i++) {
			advance(100);
			this.body.next("part" + i);
		}
		this.body.complete();
		advance(1000);
		assertThat(this.signals).hasSize(11).endsWith("complete");
	}

	@Test
	void cancellingStopsTheTimer() {
		Disposable subscription = subscribe(FIRST, IDLE);
		subscription.dispose();
		this.body.assertCancelled();
		advance(3600);
		assertThat(this.signals).isEmpty();
	}

}
