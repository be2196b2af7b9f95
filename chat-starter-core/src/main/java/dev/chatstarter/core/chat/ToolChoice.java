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

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The {@code tool_choice} of a request: {@code auto}, {@code none}, {@code required} or
 * one named function.
 *
 * @param mode the mode
 * @param functionName the function to call when the mode is {@link Mode#FUNCTION}
 */
public record ToolChoice(Mode mode, @Nullable String functionName) {

	public ToolChoice {
		Assert.notNull(mode, "mode must not be null");
		if (mode == Mode.FUNCTION) {
			Assert.hasText(functionName, "a function tool choice needs the function name");
		}
	}

	/**
	 * The model decides whether to call tools.
	 * @return the choice
	 */
	public static ToolChoice auto() {
		return new ToolChoice(Mode.AUTO, null);
	}

	/**
	 * The model must not call tools.
	 * @return the choice
	 */
	public static ToolChoice none() {
		return new ToolChoice(Mode.NONE, null);
	}

	/**
	 * The model must call at least one tool.
	 * @return the choice
	 */
	public static ToolChoice required() {
		return new ToolChoice(Mode.REQUIRED, null);
	}

	/**
	 * The model must call the named function.
	 * @param name the function name
	 * @return the choice
	 */
	public static ToolChoice function(String name) {
		return new ToolChoice(Mode.FUNCTION, name);
	}

	/**
	 * Parse {@code auto}, {@code none}, {@code required} or a function name.
	 * @param value the value, e.g. from configuration
	 * @return the choice
	 */
	public static ToolChoice parse(String value) {
		Assert.hasText(value, "value must not be empty");
		return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "auto" -> auto();
			case "none" -> none();
			case "required" -> required();
			default -> function(value.trim());
		};
	}

	/**
	 * The tool choice modes.
	 */
	public enum Mode {

		/** {@code "auto"}. */
		AUTO,

		/** {@code "none"}. */
		NONE,

		/** {@code "required"}. */
		REQUIRED,

		/** {@code {"type":"function","function":{"name":...}}}. */
		FUNCTION

	}

}
