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

import java.lang.management.ManagementFactory;

/**
 * What one contender did in one timed run: operations, failures, wall and process CPU
 * time, latencies, and the time to first chunk for streams.
 */
final class Measurement {

	final Samples latencies = new Samples();

	final Samples firstChunk = new Samples();

	long operations;

	long items;

	long errors;

	long wallNanos;

	long cpuNanos;

	String lastError = "";

	void add(Measurement other) {
		this.latencies.addAll(other.latencies);
		this.firstChunk.addAll(other.firstChunk);
		this.operations += other.operations;
		this.items += other.items;
		this.errors += other.errors;
		this.wallNanos += other.wallNanos;
		this.cpuNanos += other.cpuNanos;
		if (!other.lastError.isEmpty()) {
			this.lastError = other.lastError;
		}
	}

	/**
	 * Write the measurement as one line of text, for a contender's JVM to hand it to the
	 * parent.
	 * @return the fields, separated by spaces; the last error's spaces and line breaks
	 * become {@code \u00a0}
	 */
	String encode() {
		return this.operations + " " + this.items + " " + this.errors + " " + this.wallNanos + " " + this.cpuNanos + " "
				+ "L" + this.latencies.encode() + " F" + this.firstChunk.encode() + " E"
				+ this.lastError.replace(' ', '\u00a0').replace('\n', '\u00a0').replace('\r', '\u00a0');
	}

	/**
	 * Read a measurement written by {@link #encode()}.
	 * @param text the line
	 * @return the measurement
	 */
	static Measurement decode(String text) {
		String[] fields = text.split(" ", 8);
		Measurement m = new Measurement();
		m.operations = Long.parseLong(fields[0]);
		m.items = Long.parseLong(fields[1]);
		m.errors = Long.parseLong(fields[2]);
		m.wallNanos = Long.parseLong(fields[3]);
		m.cpuNanos = Long.parseLong(fields[4]);
		m.latencies.addAll(Samples.decode(fields[5].substring(1)));
		m.firstChunk.addAll(Samples.decode(fields[6].substring(1)));
		m.lastError = fields[7].substring(1).replace('\u00a0', ' ');
		return m;
	}

	double throughput() {
		return (this.wallNanos == 0) ? 0 : this.operations * 1e9 / this.wallNanos;
	}

	double cpuMicrosPerOperation() {
		return (this.operations == 0) ? 0 : this.cpuNanos / 1e3 / this.operations;
	}

	double cpuMicrosPerItem() {
		return (this.items == 0) ? 0 : this.cpuNanos / 1e3 / this.items;
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
