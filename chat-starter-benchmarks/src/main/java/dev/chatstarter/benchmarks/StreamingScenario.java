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
 * Scenario 2: streams of 500 chunks back to back on one caller thread; CPU per chunk and
 * time to first chunk.
 */
final class StreamingScenario implements Scenario {

	static final int CHUNKS = 500;

	private static final String DESCRIPTION = "One caller thread streams 500-chunk answers back to back (the stub "
			+ "writes the whole stream at once, so the client's parsing is what is measured). CPU per chunk is the "
			+ "client JVM's CPU time divided by the text fragments delivered to user code; TTFC is from the call to "
			+ "the first fragment reaching user code, and its overhead is the contender's p50 minus raw's p50.";

	@Override
	public String name() {
		return "streaming";
	}

	@Override
	public void run(ScenarioContext context) throws Exception {
		System.out.println("Scenario 2: streams of " + CHUNKS + " chunks");
		context.report().section("2. Streaming " + CHUNKS + " chunks", DESCRIPTION);
		try (ContenderGroup contenders = context.contenders("/c" + CHUNKS + "/d0")) {
			RoundResults results = context.interleaved(contenders, 1, Operation.STREAM, "stream-" + CHUNKS);
			context.targets().streaming(results);
			context.report().append(table(results));
		}
	}

	private static String table(RoundResults results) {
		long rawTtfc = results.contains("raw") ? results.pooled("raw").firstChunk.percentile(50) : 0;
		TableWriter table = TableWriter.table()
			.left("client")
			.right("streams/s", "chunks/stream", "CPU µs/chunk", "×raw", "TTFC p50 ms", "TTFC p99 ms",
					"TTFC overhead p50 ms", "errors");
		for (String name : results.names()) {
			Measurement m = results.pooled(name);
			table.row(name, TableWriter.number(m.throughput(), 0),
					TableWriter.number((m.operations == 0) ? 0 : (double) m.items / m.operations, 0),
					TableWriter.number(m.cpuMicrosPerItem(), 2),
					TableWriter.number(results.ratio(name, Measurement::cpuMicrosPerItem), 2),
					TableWriter.millis(m.firstChunk.percentile(50)), TableWriter.millis(m.firstChunk.percentile(99)),
					TableWriter.millis(m.firstChunk.percentile(50) - rawTtfc), TableWriter.errors(m));
		}
		return table.render();
	}

}
