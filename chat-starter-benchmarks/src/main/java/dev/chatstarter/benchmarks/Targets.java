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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The targets checked against a run: the scenarios record what the targets need, and
 * {@link #render()} writes the table of the targets that could be checked and the limits
 * of the harness.
 */
final class Targets {

	private static final String LIMITS = "Limits of this harness: JMH is not used (the scenarios interleave rounds of "
			+ "clients that each run in a JVM of their own, and need latency percentiles under concurrency, so a "
			+ "plain load driver in each client's JVM measures them all); the raw floor does not parse JSON at all, "
			+ "so ×raw includes the cost of parsing every answer and chunk, and raw-jackson is the floor of a client "
			+ "that does (every answer and data line read to its end by Jackson's streaming parser); raw uses its own connection pool (up to 20,000 "
			+ "connections) while every other client keeps its defaults (chat-starter: a pool per provider, up to "
			+ "10,000 connections); in the tool round trip openai-java's loop is written by hand like raw's (the SDK "
			+ "has none), while chat-starter, Spring AI and LangChain4j run their own; chat-starter creates a "
			+ "provider's HTTP stack on its first request, so start-up does not include it and every scenario warms "
			+ "each client up before measuring.\n\n";

	private RoundResults blockingOne = new RoundResults();

	private RoundResults blocking = new RoundResults();

	private RoundResults streaming = new RoundResults();

	private final Map<Integer, Map<String, Map<String, String>>> streams = new LinkedHashMap<>();

	private double startupAdded = Double.NaN;

	/**
	 * Record the blocking rounds at one caller.
	 * @param results the rounds
	 */
	void blockingOne(RoundResults results) {
		this.blockingOne = results;
	}

	/**
	 * Record the blocking rounds at 64 callers.
	 * @param results the rounds
	 */
	void blocking(RoundResults results) {
		this.blocking = results;
	}

	/**
	 * Record the streaming rounds.
	 * @param results the rounds
	 */
	void streaming(RoundResults results) {
		this.streaming = results;
	}

	/**
	 * Record a contender's result of the many-streams scenario.
	 * @param count the number of simultaneous streams
	 * @param contender the contender's name
	 * @param result the fields its child JVM printed
	 */
	void streams(int count, String contender, Map<String, String> result) {
		this.streams.computeIfAbsent(count, (key) -> new LinkedHashMap<>()).put(contender, result);
	}

	/**
	 * Record the start-up time the starter adds.
	 * @param millis the difference of the medians, in milliseconds
	 */
	void startupAdded(double millis) {
		this.startupAdded = millis;
	}

	/**
	 * Render the targets section.
	 * @return its heading, the table and the limits of the harness
	 */
	String render() {
		TableWriter table = TableWriter.table().left("target", "measured", "met");
		blockingTargets(table);
		streamingTargets(table);
		adapterTarget(table, this.blocking, "chat-starter-route", " CPU per call ≤ 1.05× chat-starter", 1.05,
				Measurement::cpuMicrosPerOperation);
		sharedStateCosts(table);
		adapterTargets(table, "chat-starter-spring-ai");
		adapterTargets(table, "chat-starter-langchain4j");
		streamsTargets(table);
		if (!Double.isNaN(this.startupAdded)) {
			table.row("start-up added ≤ 150 ms (median of 20)", TableWriter.number(this.startupAdded, 0) + " ms",
					TableWriter.met(this.startupAdded <= 150));
		}
		return "## Targets against this run\n\n" + table.render() + LIMITS;
	}

	private void blockingTargets(TableWriter table) {
		if (this.blocking.contains("chat-starter") && this.blocking.contains("raw")) {
			double throughput = this.blocking.ratio("chat-starter", Measurement::throughput);
			double cpu = this.blocking.ratio("chat-starter", Measurement::cpuMicrosPerOperation);
			table.row("blocking, 64 callers: throughput ≥ 0.85× raw", TableWriter.number(throughput, 2) + "× raw",
					TableWriter.met(throughput >= 0.85));
			table.row("blocking, 64 callers: CPU per call ≤ 1.3× raw", TableWriter.number(cpu, 2) + "× raw",
					TableWriter.met(cpu <= 1.3));
			bestPeerTarget(table);
		}
		if (this.blockingOne.contains("chat-starter") && this.blockingOne.contains("openai-java")) {
			double throughput = this.blockingOne.ratio("chat-starter", "openai-java", Measurement::throughput);
			double p99 = this.blockingOne.ratio("chat-starter", "openai-java", (m) -> m.latencies.percentile(99));
			table.row("blocking, 1 caller: throughput ≥ openai-java's",
					TableWriter.number(throughput, 2) + "× openai-java", TableWriter.met(throughput >= 1));
			table.row("blocking, 1 caller: p99 ≤ openai-java's", TableWriter.number(p99, 2) + "× openai-java",
					TableWriter.met(p99 <= 1));
		}
	}

	private void bestPeerTarget(TableWriter table) {
		double bestPeer = 0;
		String best = "–";
		for (String peer : List.of("openai-java", "spring-ai", "langchain4j")) {
			if (this.blocking.contains(peer) && this.blocking.pooled(peer).throughput() > bestPeer) {
				bestPeer = this.blocking.pooled(peer).throughput();
				best = peer;
			}
		}
		if (bestPeer > 0) {
			double own = this.blocking.pooled("chat-starter").throughput() / bestPeer;
			table.row("blocking, 64 callers: throughput ≥ 1.5× best peer", TableWriter.number(own, 2) + "× " + best,
					TableWriter.met(own >= 1.5));
		}
	}

	private void streamingTargets(TableWriter table) {
		if (!this.streaming.contains("chat-starter")) {
			return;
		}
		if (this.streaming.contains("raw-jackson")) {
			double cpu = this.streaming.ratio("chat-starter", "raw-jackson", Measurement::cpuMicrosPerItem);
			table.row("streaming CPU per chunk ≤ 1.25× raw-jackson", TableWriter.number(cpu, 2) + "× raw-jackson",
					TableWriter.met(cpu <= 1.25));
		}
		long overhead = this.streaming.pooled("chat-starter").firstChunk.percentile(50)
				- (this.streaming.contains("raw") ? this.streaming.pooled("raw").firstChunk.percentile(50) : 0);
		table.row("TTFC overhead < 1 ms at p50", TableWriter.millis(overhead) + " ms",
				TableWriter.met(overhead < 1_000_000));
	}

	/**
	 * The CPU a framework adapter adds over the plain template, per call and per chunk,
	 * in the same rounds.
	 * @param table the table to add the rows to
	 * @param adapter the adapter's contender
	 */
	private void adapterTargets(TableWriter table, String adapter) {
		adapterTarget(table, this.blocking, adapter, " CPU per call ≤ 1.15× chat-starter", 1.15,
				Measurement::cpuMicrosPerOperation);
		adapterTarget(table, this.streaming, adapter, " CPU per chunk ≤ 1.15× chat-starter", 1.15,
				Measurement::cpuMicrosPerItem);
	}

	/**
	 * What sharing limits through Redis adds per call at 64 callers, against the same
	 * limits counted in memory: measured, with no target (one round trip per call).
	 * @param table the table
	 */
	private void sharedStateCosts(TableWriter table) {
		if (this.blocking.contains("chat-starter-redis") && this.blocking.contains("chat-starter-limited")) {
			String base = "chat-starter-limited";
			table.row("chat-starter-redis CPU per call (64 callers), measured",
					TableWriter
						.number(this.blocking.ratio("chat-starter-redis", base, Measurement::cpuMicrosPerOperation), 2)
							+ "× in-memory limits",
					"–");
			table.row("chat-starter-redis p50 / p99 latency (64 callers), measured",
					TableWriter
						.number(this.blocking.ratio("chat-starter-redis", base, (m) -> m.latencies.percentile(50)), 2)
							+ "× / "
							+ TableWriter.number(
									this.blocking.ratio("chat-starter-redis", base, (m) -> m.latencies.percentile(99)),
									2)
							+ "× in-memory limits",
					"–");
		}
	}

	private static void adapterTarget(TableWriter table, RoundResults results, String adapter, String target,
			double limit, ToDoubleFunction<Measurement> value) {
		if (results.contains(adapter) && results.contains("chat-starter")) {
			double cpu = results.ratio(adapter, "chat-starter", value);
			table.row(adapter + target, TableWriter.number(cpu, 2) + "× chat-starter", TableWriter.met(cpu <= limit));
		}
	}

	private void streamsTargets(TableWriter table) {
		this.streams.forEach((count, results) -> {
			Map<String, String> own = results.get("chat-starter");
			if (own == null || !own.containsKey("completed")) {
				return;
			}
			String label = TableWriter.number(count, 0) + " slow streams";
			boolean all = own.get("failed").equals("0") && own.get("incomplete").equals("0")
					&& own.get("note").equals("-");
			long threads = Long.parseLong(own.get("peakThreads"));
			long heap = Long.parseLong(own.get("peakHeapMb"));
			table.row(label + ": all complete, ≤ 32 threads",
					own.get("completed") + " completed, " + threads + " peak threads",
					TableWriter.met(all && threads <= 32));
			table.row(label + ": heap ≤ 512 MB", heap + " MB", TableWriter.met(heap <= 512));
			Map<String, String> raw = results.get("raw");
			if (raw != null && raw.containsKey("wallMs")) {
				double wall = Double.parseDouble(own.get("wallMs")) / Double.parseDouble(raw.get("wallMs"));
				table.row(label + ": wall ≤ 1.05× raw", TableWriter.number(wall, 2) + "× raw",
						TableWriter.met(wall <= 1.05));
			}
		});
	}

}
