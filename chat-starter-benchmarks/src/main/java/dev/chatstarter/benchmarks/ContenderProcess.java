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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A contender running in its own JVM ({@link ContenderChild}), seen from the parent: it
 * runs one operation at a time when told and hands back what it measured. A child that
 * dies, answers garbage or does not answer in time fails the measurement instead of
 * hanging the run.
 */
final class ContenderProcess implements AutoCloseable {

	/**
	 * The child's first line when its contender was created, followed by the operations
	 * it supports, comma-separated.
	 */
	static final String READY = "READY ";

	/**
	 * The child's first line when its contender could not be created, followed by why.
	 */
	static final String FAILED = "FAILED ";

	/** The start of the child's answer to a command. */
	static final String RESULT = "RESULT ";

	/** The command that ends the child. */
	static final String QUIT = "quit";

	/** How long a child may take to start or to finish a run beyond its length. */
	private static final long GRACE_SECONDS = 120;

	private final String name;

	private final Process process;

	private final BufferedReader output;

	private final Writer input;

	private final Set<Operation> supported = EnumSet.noneOf(Operation.class);

	private ContenderProcess(String name, Process process) throws Exception {
		this.name = name;
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		String first = awaitLine(GRACE_SECONDS);
		if (first.startsWith(FAILED)) {
			close();
			throw new IllegalStateException(first.substring(FAILED.length()));
		}
		for (String operation : first.substring(READY.length()).split(",")) {
			if (!operation.isEmpty()) {
				this.supported.add(Operation.valueOf(operation));
			}
		}
	}

	/**
	 * Start a contender in a JVM of its own.
	 * @param name the contender's name
	 * @param baseUrl the stub's URL without {@code /v1}
	 * @return the running contender
	 * @throws Exception if the JVM cannot be started or the contender not created
	 */
	static ContenderProcess start(String name, String baseUrl) throws Exception {
		return new ContenderProcess(name, ChildJvm.start(profiling(name), ChildJvm.CONTENDER, name, baseUrl));
	}

	/**
	 * The options that record a contender's JVM with Java Flight Recorder when the
	 * harness runs with {@code -Dbenchmarks.profile=DIR}: one {@code NAME.jfr} per
	 * contender in that directory.
	 * @param name the contender's name
	 * @return the JVM options; empty when not profiling
	 */
	private static List<String> profiling(String name) {
		String directory = System.getProperty("benchmarks.profile");
		if (directory == null) {
			return List.of();
		}
		return List.of("-Xlog:disable", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
				+ Path.of(directory, name + ".jfr").toAbsolutePath());
	}

	/**
	 * Whether the contender implements an operation.
	 * @param operation the operation
	 * @return {@code true} if it does
	 */
	boolean supports(Operation operation) {
		return this.supported.contains(operation);
	}

	/**
	 * Run an operation in a closed loop and return what the child measured.
	 * @param operation the operation
	 * @param concurrency the number of caller threads, each in a closed loop
	 * @param millis how long to run
	 * @return the measurement
	 * @throws Exception if the child fails, dies or does not answer in time
	 */
	Measurement measure(Operation operation, int concurrency, long millis) throws Exception {
		this.input.write(operation.name() + " " + concurrency + " " + millis + "\n");
		this.input.flush();
		return Measurement.decode(awaitLine(millis / 1000 + GRACE_SECONDS).substring(RESULT.length()));
	}

	/**
	 * Read the child's next protocol line, skipping what the contender's libraries log to
	 * standard output.
	 * @param timeoutSeconds how long to wait for it
	 * @return the line
	 * @throws Exception if the child died or did not answer in time
	 */
	private String awaitLine(long timeoutSeconds) throws Exception {
		CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
			try {
				String candidate;
				while ((candidate = this.output.readLine()) != null) {
					if (candidate.startsWith(READY) || candidate.startsWith(FAILED) || candidate.startsWith(RESULT)) {
						return candidate;
					}
				}
				return null;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		try {
			String result = line.get(timeoutSeconds, TimeUnit.SECONDS);
			if (result == null) {
				throw new IllegalStateException(this.name + "'s JVM died");
			}
			return result;
		}
		catch (TimeoutException ex) {
			this.process.destroyForcibly();
			throw new IllegalStateException(this.name + "'s JVM did not answer within " + timeoutSeconds + " s", ex);
		}
	}

	@Override
	public void close() {
		try {
			this.input.write(QUIT + "\n");
			this.input.flush();
		}
		catch (java.io.IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
