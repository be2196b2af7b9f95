package dev.chatstarter.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of tool executions. Implement it (or extend
 * {@link DefaultToolObservationConvention}) to rename the observation or add tags, and set it with
 * {@link dev.chatstarter.core.ChatTemplate.Builder#toolObservationConvention(ToolObservationConvention)} or declare it
 * as a bean in a Spring Boot application.
 */
public interface ToolObservationConvention extends ObservationConvention<ToolObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ToolObservationContext;
	}

}
