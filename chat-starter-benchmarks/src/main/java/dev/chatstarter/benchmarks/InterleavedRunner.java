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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures contenders, each in its own JVM, interleaved: every contender is warmed up
 * (alone, then once more in an unrecorded interleaved pass), then each round runs every
 * contender once, one at a time, in an order rotated by one per round, so the noise of a
 * shared machine spreads over all of them.
 */
final class InterleavedRunner {

	private final long warmupMillis;

	private final long roundMillis;

	private final int rounds;

	/**
	 * Create a runner.
	 * @param quick whether to run the shorter warm-ups and the fewer, shorter rounds of
	 * {@code --quick}
	 */
	InterleavedRunner(boolean quick) {
		this.warmupMillis = quick ? 3000 : 8000;
		this.roundMillis = quick ? 3000 : 10000;
		this.rounds = quick ? 2 : 4;
	}

	/**
	 * Warm every contender up, then run the interleaved rounds.
	 * @param contenders the contenders
	 * @param concurrency the number of caller threads, each in a closed loop
	 * @param operation the operation measured
	 * @param label the name of the runs in the progress output
	 * @return every contender's rounds
	 * @throws Exception if a contender's JVM fails
	 */
	RoundResults run(ContenderGroup contenders, int concurrency, Operation operation, String label) throws Exception {
		RoundResults results = new RoundResults();
		for (String name : contenders.names()) {
			System.out.println("  warm-up " + label + " " + name);
			contenders.get(name).measure(operation, concurrency, this.warmupMillis);
			results.track(name);
		}
		// one more, unrecorded, interleaved pass: the first round after the warm-ups ran
		// a fifth slower than the later ones (the stub and the clients were still
		// settling)
		for (String name : contenders.names()) {
			contenders.get(name).measure(operation, concurrency, this.warmupMillis / 2);
		}
		for (int round = 0; round < this.rounds; round++) {
			for (String name : rotated(contenders.names(), round)) {
				Measurement m = contenders.get(name).measure(operation, concurrency, this.roundMillis);
				System.out.printf(Locale.ROOT, "  %s %s round %d: %.0f ops/s, %d errors %s%n", label, name, round,
						m.throughput(), m.errors, m.lastError);
				results.add(name, m);
			}
		}
		return results;
	}

	private static List<String> rotated(Collection<String> names, int round) {
		List<String> list = new ArrayList<>(names);
		Collections.rotate(list, -round);
		return list;
	}

}
