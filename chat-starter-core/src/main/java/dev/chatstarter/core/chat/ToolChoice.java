package dev.chatstarter.core.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code tool_choice} of a request: {@code auto}, {@code none}, {@code required} or one named function.
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
