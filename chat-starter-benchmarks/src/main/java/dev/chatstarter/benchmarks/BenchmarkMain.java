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

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every scenario against one stub JVM and writes {@code docs/benchmarks.md}.
 * Contenders are interleaved: each round runs every contender once, in a rotated order,
 * so the noise of a shared machine spreads over all of them.
 *
 * <p>
 * {@code java -jar benchmarks.jar [--quick] [--out=docs/benchmarks.md] [--streams=N]
 * [--contenders=raw,webclient,chat-starter,...] [--scenarios=blocking,streaming,tools,streams,startup]}
 */
public final class BenchmarkMain {

	static final List<String> ALL = List.of("raw", "chat-starter", "chat-starter-spring-ai", "chat-starter-langchain4j",
			"openai-java", "spring-ai", "langchain4j");

	private final boolean quick;

	private final List<String> contenders;

	private final StringBuilder report = new StringBuilder();

	private final String stubBase;

	private BenchmarkMain(boolean quick, List<String> contenders, String stubBase) {
		this.quick = quick;
		this.contenders = contenders;
		this.stubBase = stubBase;
	}

	/**
	 * Entry point; see the class Javadoc for the arguments.
	 * @param args the arguments
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--stub")) {
			StubServer.run(0);
			return;
		}
		if (args.length > 0 && args[0].equals("--child-streams")) {
			StreamsChild.run(args[1], Integer.parseInt(args[2]), args[3], Long.parseLong(args[4]));
			return;
		}
		if (args.length > 0 && args[0].equals("--child-startup")) {
			StartupApp.run(Boolean.parseBoolean(args[1]), args[2]);
			return;
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], (kv.length > 1) ? kv[1] : "true");
		}
		boolean quick = options.containsKey("quick");
		List<String> contenders = Arrays.asList(options.getOrDefault("contenders", String.join(",", ALL)).split(","));
		List<String> scenarios = Arrays
			.asList(options.getOrDefault("scenarios", "blocking,streaming,tools,streams,startup").split(","));
		int streams = Integer.parseInt(options.getOrDefault("streams", quick ? "2000" : "10000"));
		Path out = Path.of(options.getOrDefault("out", "docs/benchmarks.md"));
		Process stub = startJvm(List.of("-Xmx1g"), "--stub");
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
			String line = reader.readLine();
			if (line == null || !line.startsWith("PORT ")) {
				throw new IllegalStateException("The stub did not start: " + line);
			}
			String base = "http://127.0.0.1:" + line.substring(5);
			BenchmarkMain main = new BenchmarkMain(quick, contenders, base);
			main.header(String.join(" ", args), streams);
			if (scenarios.contains("blocking")) {
				main.blocking();
			}
			if (scenarios.contains("streaming")) {
				main.streaming();
			}
			if (scenarios.contains("tools")) {
				main.tools();
			}
			if (scenarios.contains("streams")) {
				main.manyStreams(streams);
			}
			if (scenarios.contains("startup")) {
				main.startup();
			}
			main.targets();
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, main.report.toString());
			System.out.println("Wrote " + out.toAbsolutePath());
		}
		finally {
			stub.destroy();
		}
		System.exit(0);
	}

	private static Process startJvm(List<String> jvmOptions, String... args) throws Exception {
		return startJvmOn(System.getProperty("java.class.path"), jvmOptions, args);
	}

	private static Process startJvmOn(String classPath, List<String> jvmOptions, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		command.add(BenchmarkMain.class.getName());
		command.addAll(Arrays.asList(args));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static String resultLine(Process process, long timeoutSeconds) throws Exception {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String result = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("RESULT ")) {
				result = line.substring(7);
			}
		}
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return (result != null) ? result : "failed=child-died";
	}

	private static Map<String, String> fields(String line) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String part : line.split(" ")) {
			String[] kv = part.split("=", 2);
			if (kv.length == 2) {
				map.put(kv[0], kv[1]);
			}
		}
		return map;
	}

	private void header(String args, int streams) {
		this.report.append("# Benchmarks\n\n")
			.append("Generated by `chat-starter-benchmarks` (")
			.append(this.quick ? "`--quick` mode" : "full mode")
			.append(") on ")
			.append(LocalDate.now())
			.append(". **Read the ratios, not the absolute figures**: this run was taken on a shared ")
			.append(Runtime.getRuntime().availableProcessors())
			.append("-core machine while other builds were running, so absolute numbers move by tens of percent from ")
			.append("run to run. Every ratio compares contenders measured in the same run, interleaved round by round.\n\n")
			.append("- Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.arch"))
			.append("; JVM: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", default GC and heap for the client JVM\n")
			.append("- Stub: Reactor Netty on 127.0.0.1 in its own JVM (so its CPU is not counted as the client's), ")
			.append("answers serialized once up front\n")
			.append("- Contenders: `raw` = Reactor Netty `HttpClient` posting pre-built JSON and locating the answer with ")
			.append("`indexOf`, in the answer and in each `data:` line of a stream, without parsing or unescaping JSON (the ")
			.append("floor); `webclient` (only when asked for) = the same through a plain Spring `WebClient` on Reactor Netty ")
			.append("(the floor of WebClient-based clients); `chat-starter` = `ChatTemplate` with its defaults ")
			.append("(straight on Reactor Netty); ")
			.append("`chat-starter-spring-ai` = chat-starter's Spring AI `ChatModel` on the same template (and Spring AI's ")
			.append("`ChatClient` on it for tools); ")
			.append("`openai-java` 4.101.0 (OkHttp); `spring-ai` = Spring AI 2.0.1 `OpenAiChatModel` (and a `ChatClient` ")
			.append("on it for tools); `langchain4j` = LangChain4j 1.19.0 `OpenAiChatModel` / `OpenAiStreamingChatModel` ")
			.append("(and `AiServices` for tools); `chat-starter-langchain4j` = the same LangChain4j calls on ")
			.append("`chat-starter-langchain4j`'s `ChatTemplateChatModel` / `ChatTemplateStreamingChatModel` over a ")
			.append("default `ChatTemplate` (what the adapter adds), all with their defaults\n")
			.append("- Arguments: `")
			.append(args.isEmpty() ? "(none)" : args)
			.append("`\n\n")
			.append("Reproduce from the repository root:\n\n```\n")
			.append("./mvnw -B -q -Pbenchmarks -pl chat-starter-benchmarks -am package -DskipTests\n")
			.append("java -jar chat-starter-benchmarks/target/benchmarks.jar --quick   # a few minutes; without --quick: ")
			.append("longer rounds and 10,000 streams\n```\n\n")
			.append("Other switches: `--out=FILE`, `--streams=N`, `--contenders=raw,webclient,chat-starter,chat-starter-spring-ai,")
			.append("chat-starter-langchain4j,openai-java,spring-ai,langchain4j`, `--scenarios=blocking,streaming,tools,streams,startup`.\n\n");
	}

	private long warmupMillis() {
		return this.quick ? 3000 : 8000;
	}

	private long roundMillis() {
		return this.quick ? 3000 : 10000;
	}

	private int rounds() {
		return this.quick ? 2 : 4;
	}

	private Map<String, Contender> create(String path) {
		Map<String, Contender> map = new LinkedHashMap<>();
		for (String name : this.contenders) {
			try {
				map.put(name, Contender.create(name, this.stubBase + path));
			}
			catch (Throwable ex) {
				System.out.println("  " + name + " cannot be created: " + ex);
			}
		}
		return map;
	}

	private static List<String> rotated(List<String> names, int round) {
		List<String> list = new ArrayList<>(names);
		java.util.Collections.rotate(list, -round);
		return list;
	}

	private interface Operation {

		long run(Contender contender, long[] firstChunkAt);

	}

	/**
	 * Warm every contender up, then run interleaved rounds; returns the pooled and
	 * per-round measurements.
	 */
	private Map<String, List<Measurement>> interleaved(Map<String, Contender> contenders, int concurrency,
			Operation operation, String label) throws Exception {
		Map<String, List<Measurement>> results = new LinkedHashMap<>();
		try (LoadDriver driver = new LoadDriver()) {
			for (Map.Entry<String, Contender> entry : contenders.entrySet()) {
				System.out.println("  warm-up " + label + " " + entry.getKey());
				driver.run(concurrency, warmupMillis(), (first) -> operation.run(entry.getValue(), first));
				results.put(entry.getKey(), new ArrayList<>());
			}
			for (int round = 0; round < rounds(); round++) {
				for (String name : rotated(new ArrayList<>(contenders.keySet()), round)) {
					Contender contender = contenders.get(name);
					System.gc();
					Measurement m = driver.run(concurrency, roundMillis(), (first) -> operation.run(contender, first));
					System.out.printf(Locale.ROOT, "  %s %s round %d: %.0f ops/s, %d errors %s%n", label, name, round,
							m.throughput(), m.errors, m.lastError);
					results.get(name).add(m);
				}
			}
		}
		return results;
	}

	private static Measurement pooled(List<Measurement> rounds) {
		Measurement total = new Measurement();
		rounds.forEach(total::add);
		return total;
	}

	/** Median over the rounds of (contender's value / raw's value in the same round). */
	private static double ratio(Map<String, List<Measurement>> results, String name,
			java.util.function.ToDoubleFunction<Measurement> value) {
		return ratio(results, name, "raw", value);
	}

	/**
	 * Median over the rounds of (contender's value / the base contender's value in the
	 * same round).
	 */
	private static double ratio(Map<String, List<Measurement>> results, String name, String base,
			java.util.function.ToDoubleFunction<Measurement> value) {
		List<Measurement> raw = results.get(base);
		List<Measurement> own = results.get(name);
		if (raw == null || own == null) {
			return Double.NaN;
		}
		double[] ratios = new double[own.size()];
		for (int i = 0; i < own.size(); i++) {
			ratios[i] = value.applyAsDouble(own.get(i)) / value.applyAsDouble(raw.get(i));
		}
		return Samples.median(ratios);
	}

	private static String fmt(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	private static String ms(long nanos) {
		return fmt(nanos / 1e6, 2);
	}

	private void blocking() throws Exception {
		System.out.println("Scenario 1: blocking small completions");
		this.report.append("## 1. Blocking small completions\n\n")
			.append("A closed loop of `call().content()` (or each client's blocking equivalent) on 1 and on 64 caller ")
			.append("threads; the answer is a 40-word completion. Throughput and CPU are per run; ×raw is the median ")
			.append("over the rounds of the ratio to raw in the same round. CPU is the whole client JVM's CPU time ")
			.append("(including GC and JIT) per request.\n\n");
		Map<String, Contender> contenders = create("/c1/d0");
		try {
			for (int concurrency : new int[] { 1, 64 }) {
				Map<String, List<Measurement>> results = interleaved(contenders, concurrency,
						(c, first) -> expectAnswer(c.call()).length(), "blocking-" + concurrency);
				this.report.append("### Concurrency ")
					.append(concurrency)
					.append("\n\n")
					.append("| client | req/s | ×raw | CPU µs/req | ×raw | p50 ms | p99 ms | errors |\n")
					.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
				for (Map.Entry<String, List<Measurement>> entry : results.entrySet()) {
					Measurement m = pooled(entry.getValue());
					this.report.append("| ")
						.append(entry.getKey())
						.append(" | ")
						.append(fmt(m.throughput(), 0))
						.append(" | ")
						.append(fmt(ratio(results, entry.getKey(), Measurement::throughput), 2))
						.append(" | ")
						.append(fmt(m.cpuMicrosPerOperation(), 0))
						.append(" | ")
						.append(fmt(ratio(results, entry.getKey(), Measurement::cpuMicrosPerOperation), 2))
						.append(" | ")
						.append(ms(m.latencies.percentile(50)))
						.append(" | ")
						.append(ms(m.latencies.percentile(99)))
						.append(" | ")
						.append(m.errors)
						.append(errorNote(m))
						.append(" |\n");
				}
				this.report.append('\n');
				if (concurrency == 64) {
					this.blocking64 = results;
				}
			}
		}
		finally {
			contenders.values().forEach(Contender::close);
		}
	}

	private static String errorNote(Measurement m) {
		return m.lastError.isEmpty() ? "" : " ("
				+ m.lastError.replace('|', '/').replace('\n', ' ').substring(0, Math.min(120, m.lastError.length()))
				+ ")";
	}

	private Map<String, List<Measurement>> blocking64 = Map.of();

	private Map<String, List<Measurement>> streaming = Map.of();

	private void streaming() throws Exception {
		System.out.println("Scenario 2: streams of 500 chunks");
		this.report.append("## 2. Streaming 500 chunks\n\n")
			.append("One caller thread streams 500-chunk answers back to back (the stub writes the whole stream at once, ")
			.append("so the client's parsing is what is measured). CPU per chunk is the client JVM's CPU time divided by ")
			.append("the text fragments delivered to user code; TTFC is from the call to the first fragment reaching ")
			.append("user code, and its overhead is the contender's p50 minus raw's p50.\n\n");
		Map<String, Contender> contenders = create("/c500/d0");
		try {
			Map<String, List<Measurement>> results = interleaved(contenders, 1,
					(c, first) -> expectFragments(c.stream(first), 500), "stream-500");
			this.streaming = results;
			long rawTtfc = results.containsKey("raw") ? pooled(results.get("raw")).firstChunk.percentile(50) : 0;
			this.report
				.append("| client | streams/s | chunks/stream | CPU µs/chunk | ×raw | TTFC p50 ms | TTFC p99 ms | ")
				.append("TTFC overhead p50 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (Map.Entry<String, List<Measurement>> entry : results.entrySet()) {
				Measurement m = pooled(entry.getValue());
				this.report.append("| ")
					.append(entry.getKey())
					.append(" | ")
					.append(fmt(m.throughput(), 0))
					.append(" | ")
					.append(fmt((m.operations == 0) ? 0 : (double) m.items / m.operations, 0))
					.append(" | ")
					.append(fmt(m.cpuMicrosPerItem(), 2))
					.append(" | ")
					.append(fmt(ratio(results, entry.getKey(), Measurement::cpuMicrosPerItem), 2))
					.append(" | ")
					.append(ms(m.firstChunk.percentile(50)))
					.append(" | ")
					.append(ms(m.firstChunk.percentile(99)))
					.append(" | ")
					.append(ms(m.firstChunk.percentile(50) - rawTtfc))
					.append(" | ")
					.append(m.errors)
					.append(errorNote(m))
					.append(" |\n");
			}
			this.report.append('\n');
		}
		finally {
			contenders.values().forEach(Contender::close);
		}
	}

	private void tools() throws Exception {
		System.out.println("Scenario 4: tool-call round trip");
		this.report.append("## 4. Tool-call round trip\n\n")
			.append("\"Weather in Paris?\" with one tool offered: the stub answers with a tool call, the client runs the ")
			.append("tool and sends its result, the stub answers (a second request without the tool's result gets a 400, ")
			.append("and a final answer other than the stub's counts as an error). One caller thread, closed loop. Each ")
			.append("client uses its own tool support: chat-starter runs its own loop (`toolsFrom(bean)` on a `@ChatTool` ")
			.append("method); Spring AI runs its loop in a `ChatClient` on the same `OpenAiChatModel` with a `@Tool` ")
			.append("method (`prompt(...).tools(bean)`; since Spring AI 2.0 the loop is the client's `ToolCallingAdvisor`, ")
			.append("a `ChatModel` alone returns the tool call); LangChain4j runs its loop in an `AiServices` assistant ")
			.append("on the same `OpenAiChatModel` with a `@Tool` method; openai-java has no tool loop, so the round trip ")
			.append("is written by hand as its docs show (a `FunctionDefinition` tool, the tool call read from the ")
			.append("answer, the assistant and tool messages added, a second request); raw sends the two pre-built ")
			.append("requests by hand.\n\n");
		Map<String, Contender> contenders = create("/c1/d0");
		contenders.entrySet().removeIf((e) -> {
			if (!e.getValue().supportsTools()) {
				e.getValue().close();
				return true;
			}
			return false;
		});
		try {
			Map<String, List<Measurement>> results = interleaved(contenders, 1,
					(c, first) -> expectAnswer(c.toolRoundTrip()).length(), "tools");
			this.report
				.append("| client | round trips/s | ×raw | CPU µs/round trip | ×raw | p50 ms | p99 ms | errors |\n")
				.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
			for (Map.Entry<String, List<Measurement>> entry : results.entrySet()) {
				Measurement m = pooled(entry.getValue());
				this.report.append("| ")
					.append(entry.getKey())
					.append(" | ")
					.append(fmt(m.throughput(), 0))
					.append(" | ")
					.append(fmt(ratio(results, entry.getKey(), Measurement::throughput), 2))
					.append(" | ")
					.append(fmt(m.cpuMicrosPerOperation(), 0))
					.append(" | ")
					.append(fmt(ratio(results, entry.getKey(), Measurement::cpuMicrosPerOperation), 2))
					.append(" | ")
					.append(ms(m.latencies.percentile(50)))
					.append(" | ")
					.append(ms(m.latencies.percentile(99)))
					.append(" | ")
					.append(m.errors)
					.append(errorNote(m))
					.append(" |\n");
			}
			this.report.append('\n');
		}
		finally {
			contenders.values().forEach(Contender::close);
		}
	}

	/**
	 * Fail the operation (it counts as an error) unless the stream delivered every
	 * fragment.
	 */
	private static int expectFragments(int fragments, int expected) {
		if (fragments != expected) {
			throw new IllegalStateException("Wrong number of fragments: " + fragments + " instead of " + expected);
		}
		return fragments;
	}

	/** Fail the operation (it counts as an error) unless the answer is the stub's. */
	private static String expectAnswer(@org.jspecify.annotations.Nullable String answer) {
		if (!StubServer.ANSWER.equals(answer)) {
			throw new IllegalStateException(
					"Wrong answer: " + ((answer != null) ? answer.substring(0, Math.min(60, answer.length())) : null));
		}
		return answer;
	}

	private final Map<String, Map<String, String>> streamsResults = new LinkedHashMap<>();

	private void manyStreams(int streams) throws Exception {
		int chunks = 50;
		int delay = 100;
		System.out.println("Scenario 3: " + streams + " concurrent slow streams");
		this.report.append("## 3. ")
			.append(fmt(streams, 0))
			.append(" concurrent slow streams\n\n")
			.append("Each contender in a fresh JVM (`-Xmx1g`) opens ")
			.append(fmt(streams, 0))
			.append(" streams at once; the stub sends each one ")
			.append(chunks)
			.append(" chunks ")
			.append(delay)
			.append(" ms apart (a ")
			.append(chunks * delay / 1000.0)
			.append(" s answer). Each client uses its own idiom ")
			.append("for many streams: a `Flux` (chat-starter, raw, Spring AI), a callback (LangChain4j), the blocking ")
			.append("stream iterator on a thread per stream (openai-java, which has no other way to read many streams ")
			.append("without OkHttp's 5-requests-per-host dispatcher limit). Peak heap is sampled every 50 ms; RSS is ")
			.append("the peak resident set (VmHWM).\n\n")
			.append("| client | completed | failed | wall s | peak threads | peak heap MB | peak RSS MB | note |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
		long timeout = this.quick ? 120 : 300;
		for (String name : this.contenders) {
			System.out.println("  streams " + name);
			Process child = startJvm(List.of("-Xmx1g", "-Xss512k"), "--child-streams", name, Integer.toString(streams),
					this.stubBase + "/c" + chunks + "/d" + delay, Long.toString(timeout));
			Map<String, String> f = fields(resultLine(child, timeout + 60));
			System.out.println("  " + f);
			this.streamsResults.put(name, f);
			this.report.append("| ")
				.append(name)
				.append(" | ")
				.append(f.getOrDefault("completed", "–"))
				.append(" | ")
				.append(f.getOrDefault("failed", "–"))
				.append(" | ")
				.append(f.containsKey("wallMs") ? fmt(Long.parseLong(f.get("wallMs")) / 1000.0, 1) : "–")
				.append(" | ")
				.append(f.getOrDefault("peakThreads", "–"))
				.append(" | ")
				.append(f.getOrDefault("peakHeapMb", "–"))
				.append(" | ")
				.append(f.getOrDefault("rssMb", "–"))
				.append(" | ")
				.append(f.getOrDefault("note", "child died").replace("-", ""))
				.append("null".equals(f.getOrDefault("error", "null")) ? ""
						: " first error: " + f.get("error").replace('_', ' ').replace('|', '/'))
				.append(" |\n");
		}
		this.report.append('\n');
	}

	private double startupAdded = Double.NaN;

	/**
	 * The CPU a framework adapter adds over the plain template, per call and per chunk,
	 * in the same rounds.
	 */
	private void adapterTargets(StringBuilder t, String adapter) {
		if (this.blocking64.containsKey(adapter) && this.blocking64.containsKey("chat-starter")) {
			double cpu = ratio(this.blocking64, adapter, "chat-starter", Measurement::cpuMicrosPerOperation);
			t.append("| ")
				.append(adapter)
				.append(" CPU per call ≤ 1.15× chat-starter | ")
				.append(fmt(cpu, 2))
				.append("× chat-starter | ")
				.append(yes(cpu <= 1.15))
				.append(" |\n");
		}
		if (this.streaming.containsKey(adapter) && this.streaming.containsKey("chat-starter")) {
			double cpu = ratio(this.streaming, adapter, "chat-starter", Measurement::cpuMicrosPerItem);
			t.append("| ")
				.append(adapter)
				.append(" CPU per chunk ≤ 1.15× chat-starter | ")
				.append(fmt(cpu, 2))
				.append("× chat-starter | ")
				.append(yes(cpu <= 1.15))
				.append(" |\n");
		}
	}

	private void targets() {
		StringBuilder t = new StringBuilder(
				"## Targets against this run\n\n| target | measured | met |\n|---|---|---|\n");
		if (this.blocking64.containsKey("chat-starter")) {
			double own = ratio(this.blocking64, "chat-starter", Measurement::throughput);
			double ownTput = pooled(this.blocking64.get("chat-starter")).throughput();
			double bestPeer = 0;
			String best = "–";
			for (String peer : List.of("openai-java", "spring-ai", "langchain4j")) {
				if (this.blocking64.containsKey(peer) && pooled(this.blocking64.get(peer)).throughput() > bestPeer) {
					bestPeer = pooled(this.blocking64.get(peer)).throughput();
					best = peer;
				}
			}
			t.append("| blocking throughput at 64 ≥ 0.85× raw | ")
				.append(fmt(own, 2))
				.append("× raw | ")
				.append(yes(own >= 0.85))
				.append(" |\n");
			t.append("| blocking throughput at 64 ≥ 1.5× best peer | ")
				.append(fmt(ownTput / bestPeer, 2))
				.append("× ")
				.append(best)
				.append(" | ")
				.append(yes(ownTput / bestPeer >= 1.5))
				.append(" |\n");
		}
		if (this.streaming.containsKey("chat-starter")) {
			double cpu = ratio(this.streaming, "chat-starter", Measurement::cpuMicrosPerItem);
			long overhead = pooled(this.streaming.get("chat-starter")).firstChunk.percentile(50)
					- (this.streaming.containsKey("raw") ? pooled(this.streaming.get("raw")).firstChunk.percentile(50)
							: 0);
			t.append("| streaming CPU per chunk ≤ 1.25× raw | ")
				.append(fmt(cpu, 2))
				.append("× raw | ")
				.append(yes(cpu <= 1.25))
				.append(" |\n");
			t.append("| TTFC overhead < 1 ms at p50 | ")
				.append(ms(overhead))
				.append(" ms | ")
				.append(yes(overhead < 1_000_000))
				.append(" |\n");
		}
		adapterTargets(t, "chat-starter-spring-ai");
		adapterTargets(t, "chat-starter-langchain4j");
		Map<String, String> s = this.streamsResults.get("chat-starter");
		if (s != null && s.containsKey("completed")) {
			boolean all = s.get("failed").equals("0") && s.get("incomplete").equals("0") && s.get("note").equals("-");
			long heap = Long.parseLong(s.get("peakHeapMb"));
			long threads = Long.parseLong(s.get("peakThreads"));
			t.append("| many streams: all complete, heap ≤ 512 MB, no thread per stream | ")
				.append(s.get("completed"))
				.append(" completed, ")
				.append(heap)
				.append(" MB heap, ")
				.append(threads)
				.append(" peak threads | ")
				.append(yes(all && heap <= 512 && threads < 200))
				.append(" |\n");
		}
		if (!Double.isNaN(this.startupAdded)) {
			t.append("| start-up added ≤ 150 ms | ")
				.append(fmt(this.startupAdded, 0))
				.append(" ms | ")
				.append(yes(this.startupAdded <= 150))
				.append(" |\n");
		}
		t.append(
				"\nLimits of this harness: JMH is not used (the scenarios need several clients interleaved in one JVM, ")
			.append("latency percentiles under concurrency and child JVMs, so a plain load driver measures them all); ")
			.append("the raw floor does not parse JSON at all, so the streaming CPU ratio includes the cost of parsing ")
			.append("every chunk (Jackson's streaming parser alone needs about 0.6 µs for one 180-byte chunk, more than ")
			.append("raw's whole cost per chunk); raw uses its own connection pool (up to 20,000 connections) while ")
			.append("every other client keeps its defaults (chat-starter: a pool per provider, up to 10,000 ")
			.append("connections); in the tool round trip openai-java's loop is written by hand like raw's (the SDK has ")
			.append("none), while chat-starter, Spring AI and LangChain4j run their own; chat-starter creates a ")
			.append("provider's HTTP stack on its first request, so start-up does not include it and every scenario ")
			.append("warms each client up before measuring.\n\n");
		int at = this.report.indexOf("## 1.");
		this.report.insert((at < 0) ? this.report.length() : at, t);
	}

	private static String yes(boolean met) {
		return met ? "yes" : "**no**";
	}

	private void startup() throws Exception {
		int runs = this.quick ? 20 : 40;
		System.out.println("Scenario 5: start-up, " + runs + " runs each");
		Samples with = new Samples();
		Samples without = new Samples();
		Samples withRun = new Samples();
		Samples withoutRun = new Samples();
		Samples withCpu = new Samples();
		Samples withoutCpu = new Samples();
		String classPathWithout = classPathWithoutStarter();
		for (int i = 0; i < runs * 2; i++) {
			boolean starter = (i % 2 == 0);
			Process child = startJvmOn(starter ? System.getProperty("java.class.path") : classPathWithout,
					List.of("-Xmx256m"), "--child-startup", Boolean.toString(starter), this.stubBase);
			Map<String, String> f = fields(resultLine(child, 120));
			System.out.println("  startup " + (starter ? "with" : "without") + ": " + f);
			if (f.containsKey("uptimeMs")) {
				(starter ? with : without).add(Long.parseLong(f.get("uptimeMs")));
				(starter ? withRun : withoutRun).add(Long.parseLong(f.get("runMs")));
				(starter ? withCpu : withoutCpu).add(Long.parseLong(f.get("cpuMs")));
			}
		}
		this.startupAdded = with.percentile(50) - without.percentile(50);
		this.report.append("## 5. Application start-up\n\n")
			.append("One Spring Boot application (no web server) with 3 providers (`chat.providers.alpha|beta|gamma`) ")
			.append("and 10 `@ChatTool` methods on 2 beans, 5 of them offered per provider by property; started ")
			.append(runs)
			.append(" times with the starter and ")
			.append(runs)
			.append(" times without `chat-starter-autoconfigure` on the classpath (same beans, the tool annotations ")
			.append("still there), alternating, each in a fresh JVM. Medians; single start-ups vary by ±300 ms on a ")
			.append("busy machine, so the added time moves by about 100 ms from run to run. CPU is the whole JVM's CPU ")
			.append("time when ready (including the JIT compiler threads). The starter creates a provider's HTTP stack ")
			.append("(Reactor Netty and its pool) on the provider's first request and a tool's JSON schema ")
			.append("when a call first offers it, so start-up pays for binding and validating the configuration and ")
			.append("for creating the templates and tool callbacks.\n\n")
			.append("| application | JVM uptime when ready, ms | `SpringApplication.run` ms | CPU ms |\n")
			.append("|---|---:|---:|---:|\n")
			.append("| without the starter | ")
			.append(without.percentile(50))
			.append(" | ")
			.append(withoutRun.percentile(50))
			.append(" | ")
			.append(withoutCpu.percentile(50))
			.append(" |\n")
			.append("| with the starter | ")
			.append(with.percentile(50))
			.append(" | ")
			.append(withRun.percentile(50))
			.append(" | ")
			.append(withCpu.percentile(50))
			.append(" |\n")
			.append("| **added by the starter** | **")
			.append(fmt(this.startupAdded, 0))
			.append("** | **")
			.append(withRun.percentile(50) - withoutRun.percentile(50))
			.append("** | **")
			.append(withCpu.percentile(50) - withoutCpu.percentile(50))
			.append("** |\n\n");
	}

	/**
	 * The benchmark's class path without the starter's auto-configuration, for the
	 * application started without the starter: the manifest class path of the benchmark
	 * jar expanded and filtered, and the jar's own classes copied to a directory (the jar
	 * itself would bring its whole manifest class path back).
	 */
	private static String classPathWithoutStarter() throws Exception {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry).toAbsolutePath();
			if (!entry.endsWith(".jar")) {
				entries.add(path.toString());
				continue;
			}
			Path classes = Files.createTempDirectory("benchmark-classes");
			try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
				for (java.util.jar.JarEntry jarEntry : java.util.Collections.list(jar.entries())) {
					if (!jarEntry.isDirectory() && !jarEntry.getName().startsWith("META-INF/")) {
						Path target = classes.resolve(jarEntry.getName());
						Files.createDirectories(target.getParent());
						try (java.io.InputStream in = jar.getInputStream(jarEntry)) {
							Files.copy(in, target);
						}
					}
				}
				entries.add(classes.toString());
				java.util.jar.Manifest manifest = jar.getManifest();
				String manifestPath = (manifest != null)
						? manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH) : null;
				if (manifestPath != null) {
					for (String relative : manifestPath.trim().split("\\s+")) {
						entries.add(path.resolveSibling(relative).toString());
					}
				}
			}
		}
		entries.removeIf((entry) -> Path.of(entry).getFileName().toString().startsWith("chat-starter-autoconfigure"));
		return String.join(java.io.File.pathSeparator, entries);
	}

}
