package dev.chatstarter.core.tool;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a template runs the tool-call loop.
 *
 * @param maxRounds the most model round trips that may ask for tools before the call fails; the loop never runs
 * forever
 * @param returnErrorsToModel whether a failing tool (it threw, the arguments did not fit, the tool is unknown, it
 * timed out) sends its error back to the model as the tool result ({@code true}, the default) or fails the call
 * @param timeout the longest a single tool execution may take
 */
public record ToolExecutionOptions(int maxRounds, boolean returnErrorsToModel, Duration timeout) {

	private static final ToolExecutionOptions DEFAULTS = new ToolExecutionOptions(10, true, Duration.ofSeconds(60));

	public ToolExecutionOptions {
		Assert.isTrue(maxRounds >= 1, "maxRounds must be at least 1");
		Assert.notNull(timeout, "timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
	}

	/**
	 * Ten rounds, errors returned to the model, 60 s per tool.
	 * @return the defaults
	 */
	public static ToolExecutionOptions defaults() {
		return DEFAULTS;
	}

}
