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

import java.util.Collection;

import dev.chatstarter.core.internal.text.ToolNames;

/**
 * The model called a tool that was not offered to the call. Nothing is run; the message
 * (the made-up name quoted, the offered names) is safe to send back to the model.
 */
public class UnknownToolException extends RuntimeException {

	private final String toolName;

	/**
	 * Create an exception.
	 * @param toolName the name the model sent
	 * @param offered the names of the tools offered to the call
	 */
	public UnknownToolException(String toolName, Collection<String> offered) {
		super("Unknown tool " + ToolNames.quoted(toolName) + "; the tools offered are " + ToolNames.quoted(offered));
		this.toolName = toolName;
	}

	/**
	 * Return the name the model sent, as it sent it (it may hold anything; quote it
	 * before printing).
	 * @return the tool name
	 */
	public String getToolName() {
		return this.toolName;
	}

}
