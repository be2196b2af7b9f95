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

import reactor.core.publisher.Mono;

/**
 * Wraps every tool execution of the tool-call loop, e.g. to time it in metrics or trace
 * it. A tool name the model made up is not executed and not passed to the listener, so
 * listeners only ever see the names of offered tools.
 */
@FunctionalInterface
public interface ToolExecutionListener {

	/** A listener that leaves executions as they are. */
	ToolExecutionListener NONE = (toolName, execution) -> execution;

	/**
	 * Decorate one tool execution.
	 * @param toolName the tool's name
	 * @param execution the execution, not yet subscribed
	 * @return the decorated execution
	 */
	Mono<String> observe(String toolName, Mono<String> execution);

}
