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

import org.jspecify.annotations.Nullable;

/**
 * The model called a tool with arguments that do not fit its parameters: not JSON, not an
 * object, a required argument missing, or a value of the wrong type. The message names
 * the tool and the parameter and is written so that it can be sent back to the model for
 * a corrected call.
 */
public class ToolArgumentException extends RuntimeException {

	private final String toolName;

	private final @Nullable String parameterName;

	/**
	 * Create an exception.
	 * @param toolName the tool that was called
	 * @param parameterName the parameter at fault, or {@code null} when the arguments as
	 * a whole are
	 * @param problem what is wrong
	 * @param cause the parser's exception, if any
	 */
	public ToolArgumentException(String toolName, @Nullable String parameterName, String problem,
			@Nullable Throwable cause) {
		super("Invalid arguments for tool '" + toolName + "': " + problem, cause);
		this.toolName = toolName;
		this.parameterName = parameterName;
	}

	/**
	 * Return the name of the tool that was called.
	 * @return the tool name
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * Return the parameter at fault.
	 * @return the parameter name, or {@code null} when the arguments as a whole are at
	 * fault
	 */
	public @Nullable String getParameterName() {
		return this.parameterName;
	}

}
