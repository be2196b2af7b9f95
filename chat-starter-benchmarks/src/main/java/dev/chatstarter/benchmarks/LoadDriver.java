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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Runs an operation on a number of caller threads, each in a closed loop, for a fixed
 * time.
 */
final class LoadDriver implements AutoCloseable {

	private final ExecutorService callers = Executors.newFixedThreadPool(64, (r) -> {
		Thread thread = new Thread(r, "bench-caller");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Run {@code operation} in a closed loop on {@code concurrency} threads.
	 * @param concurrency the number of callers
	 * @param millis how long
	 * @param operation one operation, given the array to put the first-chunk time in;
	 * returns its item count
	 * @return what was measured
	 */
	Measurement run(int concurrency, long millis, ToLongFunction<long[]> operation) throws Exception {
		Measurement total = new Measurement();
		CountDownLatch start = new CountDownLatch(1);
		long[] deadline = new long[1];
		List<Future<Measurement>> futures = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			futures.add(this.callers.submit(() -> {
				Measurement m = new Measurement();
				long[] firstChunkAt = new long[1];
				start.await();
				while (System.nanoTime() < deadline[0]) {
					long t0 = System.nanoTime();
					firstChunkAt[0] = 0;
					try {
						m.items += operation.applyAsLong(firstChunkAt);
						long t1 = System.nanoTime();
						m.latencies.add(t1 - t0);
						if (firstChunkAt[0] != 0) {
							m.firstChunk.add(firstChunkAt[0] - t0);
						}
						m.operations++;
					}
					catch (Throwable ex) {
						m.errors++;
						m.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
					}
				}
				return m;
			}));
		}
		long cpu0 = Measurement.processCpuNanos();
		long t0 = System.nanoTime();
		deadline[0] = t0 + millis * 1_000_000L;
		start.countDown();
		for (Future<Measurement> future : futures) {
			total.add(future.get());
		}
		total.wallNanos = System.nanoTime() - t0;
		total.cpuNanos = Measurement.processCpuNanos() - cpu0;
		return total;
	}

	@Override
	public void close() {
		this.callers.shutdownNow();
	}

}
