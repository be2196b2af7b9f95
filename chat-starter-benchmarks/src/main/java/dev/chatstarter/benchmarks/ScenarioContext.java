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
 * What the scenarios of one run share: the options, the stub's base URL, the report, the
 * targets and the interleaved runner.
 */
final class ScenarioContext {

	private final BenchmarkOptions options;

	private final String stubBase;

	private final Report report;

	private final Targets targets = new Targets();

	private final InterleavedRunner runner;

	/**
	 * Create the context of a run.
	 * @param options the run's options
	 * @param stubBase the stub's base URL, such as {@code http://127.0.0.1:12345}
	 * @param report the report the scenarios append to
	 */
	ScenarioContext(BenchmarkOptions options, String stubBase, Report report) {
		this.options = options;
		this.stubBase = stubBase;
		this.report = report;
		this.runner = new InterleavedRunner(options.quick());
	}

	/**
	 * The run's options.
	 * @return the options
	 */
	BenchmarkOptions options() {
		return this.options;
	}

	/**
	 * The report the scenarios append to.
	 * @return the report
	 */
	Report report() {
		return this.report;
	}

	/**
	 * The targets the scenarios record their results in.
	 * @return the targets
	 */
	Targets targets() {
		return this.targets;
	}

	/**
	 * A URL of the stub; its path says how the stub answers streams.
	 * @param path the path, such as {@code /c500/d0} (500 chunks, no delay), or empty
	 * @return the stub's base URL followed by the path
	 */
	String stubUrl(String path) {
		return this.stubBase + path;
	}

	/**
	 * Create the run's contenders against a URL of the stub.
	 * @param path the path, as for {@link #stubUrl(String)}
	 * @return the contenders that could be created
	 */
	ContenderGroup contenders(String path) {
		return new ContenderGroup(this.options.contenders(), stubUrl(path));
	}

	/**
	 * Measure contenders in interleaved rounds.
	 * @param contenders the contenders
	 * @param concurrency the number of caller threads
	 * @param operation the operation measured
	 * @param label the name of the runs in the progress output
	 * @return every contender's rounds
	 * @throws Exception if a contender's JVM fails
	 * @see InterleavedRunner#run
	 */
	RoundResults interleaved(ContenderGroup contenders, int concurrency, Operation operation, String label)
			throws Exception {
		return this.runner.run(contenders, concurrency, operation, label);
	}

}
