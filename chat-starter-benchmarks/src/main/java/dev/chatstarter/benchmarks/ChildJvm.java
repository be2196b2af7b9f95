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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JVMs a run needs besides its own (the stub, one per contender, one per
 * contender for many streams, one per start-up) and reads the {@code RESULT} line a child
 * prints.
 */
final class ChildJvm {

	/** The first argument that makes {@link BenchmarkMain} run the stub server. */
	static final String STUB = "--stub";

	/** The first argument that makes {@link BenchmarkMain} run {@link StreamsChild}. */
	static final String STREAMS = "--child-streams";

	/** The first argument that makes {@link BenchmarkMain} run {@link ContenderChild}. */
	static final String CONTENDER = "--child-contender";

	/** The first argument that makes {@link BenchmarkMain} run {@link StartupApp}. */
	static final String STARTUP = "--child-startup";

	private ChildJvm() {
	}

	/**
	 * Start {@link BenchmarkMain} in a new JVM on this JVM's class path.
	 * @param jvmOptions the options of the new JVM, such as {@code -Xmx1g}
	 * @param args the arguments of {@link BenchmarkMain#main(String[])}
	 * @return the child's process, its standard error discarded
	 * @throws Exception if the JVM cannot be started
	 */
	static Process start(List<String> jvmOptions, String... args) throws Exception {
		return startOn(System.getProperty("java.class.path"), jvmOptions, args);
	}

	/**
	 * Start {@link BenchmarkMain} in a new JVM on another class path.
	 * @param classPath the class path of the new JVM
	 * @param jvmOptions the options of the new JVM, such as {@code -Xmx1g}
	 * @param args the arguments of {@link BenchmarkMain#main(String[])}
	 * @return the child's process, its standard error discarded
	 * @throws Exception if the JVM cannot be started
	 */
	static Process startOn(String classPath, List<String> jvmOptions, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		command.add(BenchmarkMain.class.getName());
		command.addAll(Arrays.asList(args));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	/**
	 * Read a child's output to its end and return the fields of its last {@code RESULT}
	 * line ({@code failed=child-died} without one); kill the child if it does not exit in
	 * time.
	 * @param process the child
	 * @param timeoutSeconds how long to wait for the child to exit once its output ended
	 * @return the {@code name=value} fields of the line, in their order
	 * @throws Exception if the output cannot be read or the wait is interrupted
	 */
	static Map<String, String> result(Process process, long timeoutSeconds) throws Exception {
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
		return fields((result != null) ? result : "failed=child-died");
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

}
