package dev.chatstarter.core.chat;

/**
 * The author of a {@link ChatMessage}, with its name on the wire.
 */
public enum Role {

	/** Instructions that set the assistant's behaviour. */
	SYSTEM("system"),

	/** Developer instructions (OpenAI o-series); rewritten to {@code system} for providers that reject it. */
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
	 * @return the role, or {@link #ASSISTANT} when the name is unknown (a reply is always the assistant's)
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
