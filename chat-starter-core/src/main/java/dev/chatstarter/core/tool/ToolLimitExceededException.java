package dev.chatstarter.core.tool;

/**
 * The model asked for more than the tool-call loop allows: more tool calls in one turn than
 * {@code chat.tools.max-calls-per-round}, or still tools after {@code chat.tools.max-rounds} rounds. No tool of the
 * offending turn was run. A model that does this is broken or was talked into it (prompt injection), so the call
 * fails rather than running or answering thousands of calls.
 */
public class ToolLimitExceededException extends ToolExecutionException {

	private final String property;

	private final int limit;

	/**
	 * Create an exception.
	 * @param provider the provider name
	 * @param property the property that sets the limit, e.g. {@code chat.tools.max-calls-per-round}
	 * @param limit the limit
	 * @param message what happened
	 */
	public ToolLimitExceededException(String provider, String property, int limit, String message) {
		super(provider, null, message, null);
		this.property = property;
		this.limit = limit;
	}

	/**
	 * Return the property that sets the limit.
	 * @return e.g. {@code chat.tools.max-calls-per-round}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the limit that was exceeded.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
