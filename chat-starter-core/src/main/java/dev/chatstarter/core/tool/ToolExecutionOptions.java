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

package dev.chatstarter.core.tool;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a template runs the tool-call loop.
 *
 * @param maxRounds the most model round trips that may ask for tools before the call
 * fails; the loop never runs forever ({@code chat.tools.max-rounds})
 * @param returnErrorsToModel whether a failing tool (it threw, the arguments did not fit,
 * the tool is unknown, it timed out) sends its error back to the model as the tool result
 * ({@code true}, the default) or fails the call
 * @param timeout the longest a single tool execution may take
 * @param maxCallsPerRound the most tool calls one model turn may ask for; a turn asking
 * for more fails the call with a {@link ToolLimitExceededException} before any of its
 * tools runs ({@code chat.tools.max-calls-per-round})
 * @param maxConcurrency the most tool executions of one call that run at once; the others
 * of the turn wait ({@code chat.tools.max-concurrency})
 */
public record ToolExecutionOptions(int maxRounds, boolean returnErrorsToModel, Duration timeout, int maxCallsPerRound,
		int maxConcurrency) {

	/** The default of {@link #maxCallsPerRound()}. */
	public static final int DEFAULT_MAX_CALLS_PER_ROUND = 64;

	/** The default of {@link #maxConcurrency()}. */
	public static final int DEFAULT_MAX_CONCURRENCY = 8;

	private static final ToolExecutionOptions DEFAULTS = new ToolExecutionOptions(10, true, Duration.ofSeconds(60));

	public ToolExecutionOptions {
		Assert.isTrue(maxRounds >= 1, "maxRounds must be at least 1");
		Assert.notNull(timeout, "timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		Assert.isTrue(maxCallsPerRound >= 1, "maxCallsPerRound must be at least 1");
		Assert.isTrue(maxConcurrency >= 1, "maxConcurrency must be at least 1");
	}

	/**
	 * Create options with the default call and concurrency limits
	 * ({@value #DEFAULT_MAX_CALLS_PER_ROUND} calls per round,
	 * {@value #DEFAULT_MAX_CONCURRENCY} at once).
	 * @param maxRounds the most model round trips that may ask for tools
	 * @param returnErrorsToModel whether tool errors go back to the model
	 * @param timeout the longest a single tool execution may take
	 */
	public ToolExecutionOptions(int maxRounds, boolean returnErrorsToModel, Duration timeout) {
		this(maxRounds, returnErrorsToModel, timeout, DEFAULT_MAX_CALLS_PER_ROUND, DEFAULT_MAX_CONCURRENCY);
	}

	/**
	 * Ten rounds, errors returned to the model, 60 s per tool,
	 * {@value #DEFAULT_MAX_CALLS_PER_ROUND} calls per round,
	 * {@value #DEFAULT_MAX_CONCURRENCY} at once.
	 * @return the defaults
	 */
	public static ToolExecutionOptions defaults() {
		return DEFAULTS;
	}

}
