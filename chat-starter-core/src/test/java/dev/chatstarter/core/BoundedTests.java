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

package dev.chatstarter.core;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Bounded}.
 */
class BoundedTests {

	@Test
	void returnsTheResultOfWorkThatEndsInTime() {
		assertThat(Bounded.call(Duration.ofSeconds(5), () -> "done")).isEqualTo("done");
	}

	@Test
	void rethrowsWhatTheWorkThrowsAsItIs() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Bounded.run(Duration.ofSeconds(5), () -> {
			throw new IOException("boom");
		})).withMessage("boom");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Bounded.run(Duration.ofSeconds(5), () -> assertThat(1).isEqualTo(2)))
			.withMessageContaining("expected: 2");
	}

	@Test
	void failsAfterTheBoundAndInterruptsWorkThatDoesNotEnd() throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(1);
		long start = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Bounded.run(Duration.ofMillis(200), () -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		})).withMessageContaining("work bounded by PT0.2S");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the work was interrupted").isTrue();
	}

}
