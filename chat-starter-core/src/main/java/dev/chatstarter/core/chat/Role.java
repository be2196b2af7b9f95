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

package dev.chatstarter.core.chat;

/**
 * The author of a {@link ChatMessage}, with its name on the wire.
 */
public enum Role {

	/** Instructions that set the assistant's behaviour. */
	SYSTEM("system"),

	/**
	 * Developer instructions (OpenAI o-series); rewritten to {@code system} for providers
	 * that reject it.
	 */
	DEVELOPER("developer"),

	/** The end user's input. */
	USER("user"),

	/** The model's reply, possibly with tool calls. */
	ASSISTANT("assistant"),

	/** The result of a tool call, answering a {@code tool_call_id}. */
	TOOL("tool"),

	/** The result of a legacy function call. */
	FUNCTION("function");

	private final String wireName;

	Role(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Return the role's name in the OpenAI JSON dialect.
	 * @return the wire name, e.g. {@code "assistant"}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Resolve a wire name, case-insensitively.
	 * @param wireName the name sent by a provider
	 * @return the role, or {@link #ASSISTANT} when the name is unknown (a reply is always
	 * the assistant's)
	 */
	public static Role fromWireName(String wireName) {
		for (Role role : values()) {
			if (role.wireName.equalsIgnoreCase(wireName)) {
				return role;
			}
		}
		return ASSISTANT;
	}

}
