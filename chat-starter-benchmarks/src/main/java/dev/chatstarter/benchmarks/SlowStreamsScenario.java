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

import java.util.List;
import java.util.Map;

/**
 * Scenario 3: many concurrent slow streams, each contender in a fresh JVM of its own
 * ({@link StreamsChild}); completed and failed streams, wall time, peak threads, heap and
 * RSS.
 */
final class SlowStreamsScenario implements Scenario {

	private static final int CHUNKS = 50;

	private static final int DELAY_MILLIS = 100;

	@Override
	public String name() {
		return "streams";
	}

	@Override
	public void run(ScenarioContext context) throws Exception {
		for (int streams : context.options().streams()) {
			run(context, streams);
		}
	}

	private void run(ScenarioContext context, int streams) throws Exception {
		System.out.println("Scenario 3: " + streams + " concurrent slow streams");
		context.report()
			.section("3. " + TableWriter.number(streams, 0) + " concurrent slow streams", description(streams));
		TableWriter table = TableWriter.table()
			.left("client")
			.right("completed", "failed", "wall s", "peak threads", "peak heap MB", "peak RSS MB")
			.left("note");
		long timeout = context.options().quick() ? 120 : 300;
		for (String name : context.options().contenders()) {
			System.out.println("  streams " + name);
			Process child = ChildJvm.start(List.of("-Xmx1g", "-Xss512k"), ChildJvm.STREAMS, name,
					Integer.toString(streams), context.stubUrl("/c" + CHUNKS + "/d" + DELAY_MILLIS),
					Long.toString(timeout));
			Map<String, String> f = ChildJvm.result(child, timeout + 60);
			System.out.println("  " + f);
			context.targets().streams(streams, name, f);
			table.row(name, f.getOrDefault("completed", "–"), f.getOrDefault("failed", "–"),
					f.containsKey("wallMs") ? TableWriter.number(Long.parseLong(f.get("wallMs")) / 1000.0, 1) : "–",
					f.getOrDefault("peakThreads", "–"), f.getOrDefault("peakHeapMb", "–"), f.getOrDefault("rssMb", "–"),
					note(f));
		}
		context.report().append(table.render());
	}

	private static String description(int streams) {
		return "Each contender in a fresh JVM (`-Xmx1g`) opens " + TableWriter.number(streams, 0)
				+ " streams at once; the stub sends each one " + CHUNKS + " chunks " + DELAY_MILLIS + " ms apart (a "
				+ (CHUNKS * DELAY_MILLIS / 1000.0) + " s answer). Each client uses its own idiom for many streams: a "
				+ "`Flux` (chat-starter, raw, Spring AI), a callback (LangChain4j), the blocking stream iterator on a "
				+ "thread per stream (openai-java, which has no other way to read many streams without OkHttp's "
				+ "5-requests-per-host dispatcher limit). Peak heap is sampled every 50 ms; RSS is the peak resident "
				+ "set (VmHWM).";
	}

	/**
	 * The note column: a timeout, or that the child died, and the first error if any.
	 * @param f the fields the child printed
	 * @return the note, empty if the streams ended in time without an error
	 */
	private static String note(Map<String, String> f) {
		return f.getOrDefault("note", "child died").replace("-", "") + ("null".equals(f.getOrDefault("error", "null"))
				? "" : " first error: " + f.get("error").replace('_', ' ').replace('|', '/'));
	}

}
