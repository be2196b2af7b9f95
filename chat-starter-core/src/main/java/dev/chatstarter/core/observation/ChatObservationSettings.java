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

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How a template's calls are observed.
 *
 * @param registry the registry; {@link ObservationRegistry#NOOP} observes nothing
 * @param convention the convention for model calls, or {@code null} for the registry's
 * global one or the default
 * @param toolConvention the convention for tool executions, or {@code null} for the
 * registry's global one or the default
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
