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
import java.util.StringJoiner;

/**
 * The main of a contender's own JVM: creates one contender, says {@code READY} (or
 * {@code FAILED} and why), then runs each operation its parent names on standard input,
 * one command per line ({@code <operation> <concurrency> <millis>}, or {@code quit}), and
 * answers each with a {@code RESULT} line holding the {@link Measurement}. Its CPU time
 * is then the contender's alone, and its JIT profile is not shared with other clients.
 */
final class ContenderChild {

	private ContenderChild() {
	}

	/**
	 * Serve the parent until it says {@code quit} or closes standard input.
	 * @param name the contender's name, as for {@link Contender#create(String, String)}
	 * @param baseUrl the stub's URL without {@code /v1}
	 * @throws Exception if the load driver fails
	 */
	static void run(String name, String baseUrl) throws Exception {
		Contender contender;
		try {
			contender = Contender.create(name, baseUrl);
		}
		catch (Throwable ex) {
			System.out.println(ContenderProcess.FAILED + ex.toString().replace('\n', ' '));
			return;
		}
		StringJoiner supported = new StringJoiner(",");
		for (Operation operation : Operation.values()) {
			if (operation.isSupportedBy(contender)) {
				supported.add(operation.name());
			}
		}
		System.out.println(ContenderProcess.READY + supported);
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try (contender; LoadDriver driver = new LoadDriver()) {
			String command;
			while ((command = commands.readLine()) != null && !command.equals(ContenderProcess.QUIT)) {
				String[] parts = command.split(" ");
				Operation operation = Operation.valueOf(parts[0]);
				System.gc();
				Measurement m = driver.run(Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
						(first) -> operation.run(contender, first));
				System.out.println(ContenderProcess.RESULT + m.encode());
			}
		}
		// the clients' event loops would keep the JVM alive
		System.exit(0);
	}

}
