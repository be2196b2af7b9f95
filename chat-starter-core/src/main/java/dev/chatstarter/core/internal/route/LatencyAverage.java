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

package dev.chatstarter.core.internal.route;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * An exponentially weighted moving average of latencies, lock-free: each new measurement
 * counts for a quarter.
 */
final class LatencyAverage {

	private static final long NONE = -1;

	private static final double WEIGHT_OF_NEW = 0.25;

	private final AtomicLong nanos = new AtomicLong(NONE);

	/**
	 * Add a measurement.
	 * @param latencyNanos the latency, in nanoseconds
	 */
	void record(long latencyNanos) {
		long measured = Math.max(0, latencyNanos);
		this.nanos.accumulateAndGet(measured, (average, latest) -> (average == NONE) ? latest
				: Math.round(average + WEIGHT_OF_NEW * (latest - average)));
	}

	/**
	 * Return the average in nanoseconds.
	 * @return the average, or {@code -1} before the first measurement
	 */
	long nanos() {
		return this.nanos.get();
	}

	/**
	 * Return the average.
	 * @return the average, or {@code null} before the first measurement
	 */
	@Nullable Duration duration() {
		long average = this.nanos.get();
		return (average == NONE) ? null : Duration.ofNanos(average);
	}

}
