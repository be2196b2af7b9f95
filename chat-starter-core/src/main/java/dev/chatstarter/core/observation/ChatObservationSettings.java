package dev.chatstarter.core.observation;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How a template's calls are observed.
 *
 * @param registry the registry; {@link ObservationRegistry#NOOP} observes nothing
 * @param convention the convention for model calls, or {@code null} for the registry's global one or the default
 * @param toolConvention the convention for tool executions, or {@code null} for the registry's global one or the
 * default
 */
public record ChatObservationSettings(ObservationRegistry registry, @Nullable ChatObservationConvention convention,
		@Nullable ToolObservationConvention toolConvention) {

	private static final ChatObservationSettings NONE = new ChatObservationSettings(ObservationRegistry.NOOP, null,
			null);

	public ChatObservationSettings {
		Assert.notNull(registry, "registry must not be null");
	}

	/**
	 * Settings that observe nothing.
	 * @return the settings with the {@link ObservationRegistry#NOOP NOOP} registry
	 */
	public static ChatObservationSettings none() {
		return NONE;
	}

}
