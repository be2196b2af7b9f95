package dev.chatstarter.core.tool;

import reactor.core.publisher.Mono;

/**
 * Wraps every tool execution of the tool-call loop, e.g. to time it in metrics or trace it. A tool name the model
 * made up is not executed and not passed to the listener, so listeners only ever see the names of offered tools.
 */
@FunctionalInterface
public interface ToolExecutionListener {

	/** A listener that leaves executions as they are. */
	ToolExecutionListener NONE = (toolName, execution) -> execution;

	/**
	 * Decorate one tool execution.
	 * @param toolName the tool's name
	 * @param execution the execution, not yet subscribed
	 * @return the decorated execution
	 */
	Mono<String> observe(String toolName, Mono<String> execution);

}
