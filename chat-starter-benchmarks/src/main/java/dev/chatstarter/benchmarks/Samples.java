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

package dev.chatstarter.benchmarks;

import java.util.Arrays;

/**
 * A growable list of {@code long} samples with percentiles.
 */
final class Samples {

	private long[] values = new long[1024];

	private int size;

	synchronized void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	synchronized void addAll(Samples other) {
		for (int i = 0; i < other.size; i++) {
			add(other.values[i]);
		}
	}

	synchronized int size() {
		return this.size;
	}

	/**
	 * The value at a percentile, nearest rank.
	 * @param percentile 0 to 100
	 * @return the value, or 0 without samples
	 */
	synchronized long percentile(double percentile) {
		if (this.size == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * this.size) - 1;
		return sorted[Math.max(0, Math.min(this.size - 1, rank))];
	}

	/**
	 * Write the samples as one line of text.
	 * @return the samples, comma-separated
	 */
	synchronized String encode() {
		StringBuilder text = new StringBuilder(this.size * 8);
		for (int i = 0; i < this.size; i++) {
			text.append((i > 0) ? "," : "").append(this.values[i]);
		}
		return text.toString();
	}

	/**
	 * Read samples written by {@link #encode()}.
	 * @param text the samples, comma-separated, possibly empty
	 * @return the samples
	 */
	static Samples decode(String text) {
		Samples samples = new Samples();
		if (!text.isEmpty()) {
			for (String value : text.split(",")) {
				samples.add(Long.parseLong(value));
			}
		}
		return samples;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
