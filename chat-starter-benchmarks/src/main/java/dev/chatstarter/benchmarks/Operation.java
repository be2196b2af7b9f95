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

import java.util.function.Predicate;
import java.util.function.ToLongBiFunction;

/**
 * The operations the interleaved scenarios measure, named so that a contender's own JVM
 * ({@link ContenderChild}) runs the one its parent names. Each checks what the contender
 * returned ({@link Expect}): one that fails its check counts as an error.
 */
enum Operation {

	/** A blocking small completion; its items are the answer's characters. */
	CALL((contender, firstChunkAt) -> Expect.answer(contender.call()).length(), (contender) -> true),

	/**
	 * A blocking stream of {@link StreamingScenario#CHUNKS} chunks; its items are the
	 * fragments.
	 */
	STREAM((contender, firstChunkAt) -> Expect.fragments(contender.stream(firstChunkAt), StreamingScenario.CHUNKS),
			(contender) -> true),

	/** A tool-call round trip; its items are the final answer's characters. */
	TOOLS((contender, firstChunkAt) -> Expect.answer(contender.toolRoundTrip()).length(), Contender::supportsTools);

	private final ToLongBiFunction<Contender, long[]> body;

	private final Predicate<Contender> supported;

	Operation(ToLongBiFunction<Contender, long[]> body, Predicate<Contender> supported) {
		this.body = body;
		this.supported = supported;
	}

	/**
	 * Run the operation once.
	 * @param contender the contender
	 * @param firstChunkAt receives {@link System#nanoTime()} when the first fragment of a
	 * stream reached the caller
	 * @return the operation's item count
	 */
	long run(Contender contender, long[] firstChunkAt) {
		return this.body.applyAsLong(contender, firstChunkAt);
	}

	/**
	 * Whether a contender implements the operation.
	 * @param contender the contender
	 * @return {@code true} if it does
	 */
	boolean isSupportedBy(Contender contender) {
		return this.supported.test(contender);
	}

}
