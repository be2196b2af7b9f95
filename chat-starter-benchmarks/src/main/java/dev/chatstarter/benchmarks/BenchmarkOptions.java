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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line options of a benchmark run: {@code --quick}, {@code --out=FILE},
 * {@code --streams=N}, {@code --contenders=...} and {@code --scenarios=...}.
 */
final class BenchmarkOptions {

	/** The contenders run when {@code --contenders} is not given. */
	static final List<String> DEFAULT_CONTENDERS = List.of("raw", "raw-jackson", "chat-starter", "chat-starter-route",
			"chat-starter-spring-ai", "chat-starter-langchain4j", "openai-java", "spring-ai", "langchain4j");

	private final String arguments;

	private final boolean quick;

	private final List<String> contenders;

	private final List<String> scenarios;

	private final List<Integer> streams;

	private final Path out;

	private BenchmarkOptions(String arguments, Map<String, String> options, List<String> defaultScenarios) {
		this.arguments = arguments;
		this.quick = options.containsKey("quick");
		this.contenders = list(options.getOrDefault("contenders", String.join(",", DEFAULT_CONTENDERS)));
		this.scenarios = list(options.getOrDefault("scenarios", String.join(",", defaultScenarios)));
		this.streams = list(options.getOrDefault("streams", this.quick ? "2000" : "2000,10000")).stream()
			.map(Integer::valueOf)
			.toList();
		this.out = Path.of(options.getOrDefault("out", "docs/benchmarks.md"));
	}

	/**
	 * Parse the arguments: {@code --name=value}, or {@code --name} for {@code true}.
	 * @param args the command-line arguments
	 * @param defaultScenarios the scenarios run when {@code --scenarios} is not given
	 * @return the options
	 */
	static BenchmarkOptions parse(String[] args, List<String> defaultScenarios) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], (kv.length > 1) ? kv[1] : "true");
		}
		return new BenchmarkOptions(String.join(" ", args), options, defaultScenarios);
	}

	private static List<String> list(String commaSeparated) {
		return Arrays.asList(commaSeparated.split(","));
	}

	/**
	 * The arguments as given, for the report.
	 * @return the arguments separated by spaces, empty without arguments
	 */
	String arguments() {
		return this.arguments;
	}

	/**
	 * Whether {@code --quick} shortens the rounds and the runs.
	 * @return {@code true} in quick mode
	 */
	boolean quick() {
		return this.quick;
	}

	/**
	 * The contenders to measure, in the order given.
	 * @return the contenders' names
	 */
	List<String> contenders() {
		return this.contenders;
	}

	/**
	 * The scenarios to run (they run in their own fixed order).
	 * @return the scenarios' names
	 */
	List<String> scenarios() {
		return this.scenarios;
	}

	/**
	 * The sizes of the many-streams scenario.
	 * @return the numbers of simultaneous streams, each run in turn
	 */
	List<Integer> streams() {
		return this.streams;
	}

	/**
	 * Where the report is written.
	 * @return the report's path
	 */
	Path out() {
		return this.out;
	}

}
