package dev.chatstarter.core.tool;

import java.util.Collection;

import dev.chatstarter.core.internal.text.ToolNames;

/**
 * The model called a tool that was not offered to the call. Nothing is run; the message (the made-up name quoted,
 * the offered names) is safe to send back to the model.
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
	 * Return the name the model sent, as it sent it (it may hold anything; quote it before printing).
	 * @return the tool name
	 */
	public String getToolName() {
		return this.toolName;
	}

}
