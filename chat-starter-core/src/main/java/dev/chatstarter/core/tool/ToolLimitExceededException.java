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

/**
 * The model asked for more than the tool-call loop allows: more tool calls in one turn
 * than {@code chat.tools.max-calls-per-round}, or still tools after
 * {@code chat.tools.max-rounds} rounds. No tool of the offending turn was run. A model
 * that does this is broken or was talked into it (prompt injection), so the call fails
 * rather than running or answering thousands of calls.
 */
public class ToolLimitExceededException extends ToolExecutionException {

	private final String property;

	private final int limit;

	/**
	 * Create an exception.
	 * @param provider the provider name
	 * @param property the property that sets the limit, e.g.
	 * {@code chat.tools.max-calls-per-round}
	 * @param limit the limit
	 * @param message what happened
	 */
	public ToolLimitExceededException(String provider, String property, int limit, String message) {
		super(provider, null, message, null);
		this.property = property;
		this.limit = limit;
	}

	/**
	 * Return the property that sets the limit.
	 * @return e.g. {@code chat.tools.max-calls-per-round}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the limit that was exceeded.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
