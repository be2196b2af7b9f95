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

	private RoundResults blocking = new RoundResults();

	private RoundResults streaming = new RoundResults();

	private final Map<String, Map<String, String>> streams = new LinkedHashMap<>();

	private double startupAdded = Double.NaN;

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
	 * @param contender the contender's name
	 * @param result the fields its child JVM printed
	 */
	void streams(String contender, Map<String, String> result) {
		this.streams.put(contender, result);
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
		adapterTargets(table, "chat-starter-spring-ai");
		adapterTargets(table, "chat-starter-langchain4j");
		streamsTarget(table);
		if (!Double.isNaN(this.startupAdded)) {
			table.row("start-up added ≤ 150 ms", TableWriter.number(this.startupAdded, 0) + " ms",
					TableWriter.met(this.startupAdded <= 150));
		}
		return "## Targets against this run\n\n" + table.render() + LIMITS;
	}

	private void blockingTargets(TableWriter table) {
		if (!this.blocking.contains("chat-starter")) {
			return;
		}
		double own = this.blocking.ratio("chat-starter", Measurement::throughput);
		double ownThroughput = this.blocking.pooled("chat-starter").throughput();
		double bestPeer = 0;
		String best = "–";
		for (String peer : List.of("openai-java", "spring-ai", "langchain4j")) {
			if (this.blocking.contains(peer) && this.blocking.pooled(peer).throughput() > bestPeer) {
				bestPeer = this.blocking.pooled(peer).throughput();
				best = peer;
			}
		}
		table.row("blocking throughput at 64 ≥ 0.85× raw", TableWriter.number(own, 2) + "× raw",
				TableWriter.met(own >= 0.85));
		table.row("blocking throughput at 64 ≥ 1.5× best peer",
				TableWriter.number(ownThroughput / bestPeer, 2) + "× " + best,
				TableWriter.met(ownThroughput / bestPeer >= 1.5));
	}

	private void streamingTargets(TableWriter table) {
		if (!this.streaming.contains("chat-starter")) {
			return;
		}
		double cpu = this.streaming.ratio("chat-starter", Measurement::cpuMicrosPerItem);
		long overhead = this.streaming.pooled("chat-starter").firstChunk.percentile(50)
				- (this.streaming.contains("raw") ? this.streaming.pooled("raw").firstChunk.percentile(50) : 0);
		table.row("streaming CPU per chunk ≤ 1.25× raw", TableWriter.number(cpu, 2) + "× raw",
				TableWriter.met(cpu <= 1.25));
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
		adapterTarget(table, this.blocking, adapter, " CPU per call ≤ 1.15× chat-starter",
				Measurement::cpuMicrosPerOperation);
		adapterTarget(table, this.streaming, adapter, " CPU per chunk ≤ 1.15× chat-starter",
				Measurement::cpuMicrosPerItem);
	}

	private static void adapterTarget(TableWriter table, RoundResults results, String adapter, String target,
			ToDoubleFunction<Measurement> value) {
		if (results.contains(adapter) && results.contains("chat-starter")) {
			double cpu = results.ratio(adapter, "chat-starter", value);
			table.row(adapter + target, TableWriter.number(cpu, 2) + "× chat-starter", TableWriter.met(cpu <= 1.15));
		}
	}

	private void streamsTarget(TableWriter table) {
		Map<String, String> s = this.streams.get("chat-starter");
		if (s == null || !s.containsKey("completed")) {
			return;
		}
		boolean all = s.get("failed").equals("0") && s.get("incomplete").equals("0") && s.get("note").equals("-");
		long heap = Long.parseLong(s.get("peakHeapMb"));
		long threads = Long.parseLong(s.get("peakThreads"));
		table.row("many streams: all complete, heap ≤ 512 MB, no thread per stream",
				s.get("completed") + " completed, " + heap + " MB heap, " + threads + " peak threads",
				TableWriter.met(all && heap <= 512 && threads < 200));
	}

}
