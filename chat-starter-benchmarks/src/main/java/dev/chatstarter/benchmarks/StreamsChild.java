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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 3 in a JVM of its own: many concurrent slow streams from one contender; prints
 * one {@code RESULT} line with what completed, the wall time, the peak number of threads,
 * the peak heap in use and the peak RSS.
 */
final class StreamsChild {

	private StreamsChild() {
	}

	static void run(String contenderName, int streams, String baseUrl, long timeoutSeconds) throws Exception {
		Contender contender = Contender.create(contenderName, baseUrl);
		// one stream first, so the client's classes are loaded before the clock starts
		contender.streamAsync().get(60, TimeUnit.SECONDS);
		long[] peakHeap = new long[1];
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				peakHeap[0] = Math.max(peakHeap[0], used);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-sampler");
		sampler.setDaemon(true);
		sampler.start();
		ManagementFactory.getThreadMXBean().resetPeakThreadCount();
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger incomplete = new AtomicInteger();
		java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
		List<CompletableFuture<Void>> all = new ArrayList<>(streams);
		long t0 = System.nanoTime();
		for (int i = 0; i < streams; i++) {
			all.add(contender.streamAsync().handle((count, error) -> {
				if (error != null) {
					failed.incrementAndGet();
					Throwable cause = (error.getCause() != null) ? error.getCause() : error;
					firstError.compareAndSet(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
				}
				else if (count > 0) {
					completed.incrementAndGet();
				}
				else {
					incomplete.incrementAndGet();
				}
				return null;
			}));
		}
		String note = "";
		try {
			CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			note = "timeout";
		}
		long wallMillis = (System.nanoTime() - t0) / 1_000_000;
		sampler.interrupt();
		int peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
		System.out.println("RESULT completed=" + completed.get() + " failed=" + failed.get() + " incomplete="
				+ incomplete.get() + " wallMs=" + wallMillis + " peakThreads=" + peakThreads + " peakHeapMb="
				+ (peakHeap[0] >> 20) + " rssMb=" + peakRssMb() + " note=" + (note.isEmpty() ? "-" : note) + " error="
				+ String.valueOf(firstError.get()).replace(' ', '_'));
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

	private static long peakRssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (Exception ex) {
			// not Linux
		}
		return -1;
	}

}
