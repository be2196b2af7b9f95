package dev.chatstarter.core.tool;

import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ToolDefinition;

/**
 * A tool the model may call: its definition (sent with the request) and how to run it. Implementations should say in
 * {@code toString()} where the tool comes from (e.g. the method), for error messages.
 *
 * @see MethodToolCallback
 */
public interface ToolCallback {

	/**
	 * Return the tool's definition: name, description and JSON schema of the arguments. Built once, not per call.
	 * @return the definition
	 */
	ToolDefinition definition();

	/**
	 * Return the tool's name, the one the model calls.
	 * @return the name
	 */
	default String name() {
		return definition().name();
	}

	/**
	 * Run the tool. Nothing happens until the result is subscribed to; the work does not run on the subscribing
	 * thread when it blocks.
	 * @param argumentsJson the arguments exactly as the model sent them (a JSON object; blank means none)
	 * @param context the caller's context
	 * @return the text sent back to the model as the tool message; errors: {@link ToolArgumentException} when the
	 * arguments do not fit, or whatever the tool itself threw
	 */
	Mono<String> call(String argumentsJson, ToolContext context);

	/**
	 * Run the tool with an empty context.
	 * @param argumentsJson the arguments exactly as the model sent them
	 * @return the text sent back to the model
	 */
	default Mono<String> call(String argumentsJson) {
		return call(argumentsJson, ToolContext.empty());
	}

}
