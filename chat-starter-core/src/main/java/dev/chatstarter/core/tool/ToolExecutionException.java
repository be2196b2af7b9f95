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

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ErrorDetails;

/**
 * The tool-call loop failed: a tool failed while errors are not returned to the model
 * (the message is the neutral text of {@link ToolErrorConverter#neutralMessage}, the
 * tool's exception the cause), or the model asked for more than the loop allows
 * ({@link ToolLimitExceededException}).
 */
public class ToolExecutionException extends ChatException {

	private final @Nullable String toolName;

	/**
	 * Create an exception.
	 * @param provider the provider name
	 * @param toolName the tool that failed, or {@code null} when the round limit was
	 * reached
	 * @param message what happened
	 * @param cause the tool's failure, if any
	 */
	public ToolExecutionException(String provider, @Nullable String toolName, String message,
			@Nullable Throwable cause) {
		super("tool execution failed", ErrorDetails.local(provider, message), cause);
		this.toolName = toolName;
	}

	/**
	 * Return the name of the tool that failed.
	 * @return the tool name, or {@code null} when the round limit was reached
	 */
	public @Nullable String getToolName() {
		return this.toolName;
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
