package dev.chatstarter.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of model calls. Implement it (or extend {@link DefaultChatObservationConvention})
 * to rename the observation or add tags, and set it with
 * {@link dev.chatstarter.core.ChatTemplate.Builder#observationConvention(ChatObservationConvention)} or declare it as
 * a bean in a Spring Boot application.
 */
public interface ChatObservationConvention extends ObservationConvention<ChatObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext;
	}

}
