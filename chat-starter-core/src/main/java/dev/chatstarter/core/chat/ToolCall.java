package dev.chatstarter.core.chat;

import org.springframework.util.Assert;

/**
 * A function call requested by the model.
 *
 * @param id the call id, echoed back as {@code tool_call_id} in the tool message
 * @param name the function name
 * @param arguments the arguments as a JSON string, exactly as the model produced them
 */
public record ToolCall(String id, String name, String arguments) {

	public ToolCall {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(name, "name must not be null");
		Assert.notNull(arguments, "arguments must not be null");
	}

}
