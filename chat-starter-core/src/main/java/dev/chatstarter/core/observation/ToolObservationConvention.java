/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of tool executions. Implement it (or extend
 * {@link DefaultToolObservationConvention}) to rename the observation or add tags, and
 * set it with
 * {@link dev.chatstarter.core.ChatTemplate.Builder#toolObservationConvention(ToolObservationConvention)}
 * or declare it as a bean in a Spring Boot application.
 */
public interface ToolObservationConvention extends ObservationConvention<ToolObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ToolObservationContext;
	}

}
