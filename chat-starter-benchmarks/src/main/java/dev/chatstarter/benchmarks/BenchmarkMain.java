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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the selected scenarios against one stub JVM and writes {@code docs/benchmarks.md}.
 * Contenders are interleaved: each round runs every contender once, in a rotated order,
 * so the noise of a shared machine spreads over all of them.
 *
 * <p>
 * {@code java -jar benchmarks.jar [--quick] [--out=docs/benchmarks.md] [--streams=N]
 * [--contenders=raw,webclient,chat-starter,...] [--scenarios=blocking,streaming,tools,streams,startup]}
 */
public final class BenchmarkMain {

	/** Every scenario, in the order they run. */
	private static final List<Scenario> SCENARIOS = List.of(new BlockingScenario(), new StreamingScenario(),
			new ToolsScenario(), new SlowStreamsScenario(), new StartupScenario());

	private BenchmarkMain() {
	}

	/**
	 * Entry point; see the class Javadoc for the arguments.
	 * @param args the arguments
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		if (runChild(args)) {
			return;
		}
		BenchmarkOptions options = BenchmarkOptions.parse(args, SCENARIOS.stream().map(Scenario::name).toList());
		Process stub = ChildJvm.start(List.of("-Xmx1g"), ChildJvm.STUB);
		try {
			Report report = new Report(options);
			ScenarioContext context = new ScenarioContext(options, stubBase(stub), report);
			for (Scenario scenario : SCENARIOS) {
				if (options.scenarios().contains(scenario.name())) {
					scenario.run(context);
				}
			}
			report.insertBeforeSections(context.targets().render());
			report.write(options.out());
			System.out.println("Wrote " + options.out().toAbsolutePath());
		}
		finally {
			stub.destroy();
		}
		System.exit(0);
	}

	/**
	 * Run what a child JVM was started for, if it was.
	 * @param args the arguments, starting with one of {@link ChildJvm}'s for a child
	 * @return whether this JVM is a child and ran
	 * @throws Exception if the child fails
	 */
	private static boolean runChild(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "";
		switch (mode) {
			case ChildJvm.STUB:
				StubServer.run(0);
				return true;
			case ChildJvm.STREAMS:
				StreamsChild.run(args[1], Integer.parseInt(args[2]), args[3], Long.parseLong(args[4]));
				return true;
			case ChildJvm.CONTENDER:
				ContenderChild.run(args[1], args[2]);
				return true;
			case ChildJvm.STARTUP:
				StartupApp.run(Boolean.parseBoolean(args[1]), args[2]);
				return true;
			default:
				return false;
		}
	}

	/**
	 * Wait for the stub to listen.
	 * @param stub the stub's process
	 * @return the stub's base URL
	 * @throws Exception if the stub did not start
	 */
	private static String stubBase(Process stub) throws Exception {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
		String line = reader.readLine();
		if (line == null || !line.startsWith("PORT ")) {
			throw new IllegalStateException("The stub did not start: " + line);
		}
		return "http://127.0.0.1:" + line.substring(5);
	}

}
