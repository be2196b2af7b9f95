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

/**
 * Scenario 1: blocking small completions in a closed loop on 1 and on 64 caller threads.
 */
final class BlockingScenario implements Scenario {

	private static final String DESCRIPTION = "A closed loop of `call().content()` (or each client's blocking "
			+ "equivalent) on 1 and on 64 caller threads; the answer is a 40-word completion. Throughput and CPU are "
			+ "per run; ×raw is the median over the rounds of the ratio to raw in the same round. CPU is the whole "
			+ "client JVM's CPU time (including GC and JIT) per request.";

	@Override
	public String name() {
		return "blocking";
	}

	@Override
	public void run(ScenarioContext context) throws Exception {
		System.out.println("Scenario 1: blocking small completions");
		context.report().section("1. Blocking small completions", DESCRIPTION);
		try (ContenderGroup contenders = context.contenders("/c1/d0")) {
			for (int concurrency : new int[] { 1, 64 }) {
				RoundResults results = context.interleaved(contenders, concurrency, Operation.CALL,
						"blocking-" + concurrency);
				context.report()
					.subsection("Concurrency " + concurrency)
					.append(TableWriter.closedLoop(results, "req/s", "CPU µs/req"));
				if (concurrency == 1) {
					context.targets().blockingOne(results);
				}
				else {
					context.targets().blocking(results);
				}
			}
		}
	}

}
