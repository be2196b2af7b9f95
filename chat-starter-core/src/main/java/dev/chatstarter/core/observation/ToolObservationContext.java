package dev.chatstarter.core.observation;

import io.micrometer.observation.Observation;

import org.springframework.util.Assert;

/**
 * The {@link Observation.Context} of one tool execution of the tool-call loop.
 */
public final class ToolObservationContext extends Observation.Context {

	private final String toolName;

	private final String provider;

	/**
	 * Create a context.
	 * @param toolName the tool's name
	 * @param provider the configured name of the provider whose model asked for the tool
	 */
	public ToolObservationContext(String toolName, String provider) {
		Assert.hasText(toolName, "toolName must not be empty");
		Assert.hasText(provider, "provider must not be empty");
		this.toolName = toolName;
		this.provider = provider;
	}

	/**
	 * Return the tool's name.
	 * @return the name
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * Return the configured name of the provider whose model asked for the tool.
	 * @return the provider name
	 */
	public String getProvider() {
		return this.provider;
	}

}
