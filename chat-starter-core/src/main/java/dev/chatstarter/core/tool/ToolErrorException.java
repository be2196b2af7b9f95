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

import dev.chatstarter.core.internal.text.ToolNames;

/**
 * A tool threw a {@link java.lang.Error} from its own work: a {@link StackOverflowError},
 * an {@link OutOfMemoryError} or a {@link LinkageError}. Reactor treats those as fatal
 * and drops them, so the call would hang until the tool timeout; wrapped in this
 * exception the call fails at once, like for any other exception of the tool. The error
 * is the {@linkplain #getCause() cause}.
 */
public class ToolErrorException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param toolName the tool that threw
	 * @param error what it threw
	 */
	public ToolErrorException(String toolName, Error error) {
		super("Tool " + ToolNames.quoted(toolName) + " threw " + error.getClass().getName(), error);
	}

}
