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

	/**
	 * Return a builder that starts from {@link #none()}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder(NONE);
	}

	/**
	 * Return a builder that starts from these settings.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Builds {@link ChatObservationSettings}; each setter checks its value. Not
	 * thread-safe.
	 */
	public static final class Builder {

		private ObservationRegistry registry;

		private @Nullable ChatObservationConvention convention;

		private @Nullable ToolObservationConvention toolConvention;

		private Builder(ChatObservationSettings settings) {
			this.registry = settings.registry;
			this.convention = settings.convention;
			this.toolConvention = settings.toolConvention;
		}

		/**
		 * Set the registry calls and tool executions are observed in.
		 * @param registry the registry
		 * @return this builder
		 */
		public Builder registry(ObservationRegistry registry) {
			Assert.notNull(registry, "registry must not be null");
			this.registry = registry;
			return this;
		}

		/**
		 * Set the convention for model calls, replacing the registry's global one.
		 * @param convention the convention
		 * @return this builder
		 */
		public Builder convention(ChatObservationConvention convention) {
			Assert.notNull(convention, "convention must not be null");
			this.convention = convention;
			return this;
		}

		/**
		 * Set the convention for tool executions, replacing the registry's global one.
		 * @param toolConvention the convention
		 * @return this builder
		 */
		public Builder toolConvention(ToolObservationConvention toolConvention) {
			Assert.notNull(toolConvention, "toolConvention must not be null");
			this.toolConvention = toolConvention;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public ChatObservationSettings build() {
			return new ChatObservationSettings(this.registry, this.convention, this.toolConvention);
		}

	}

}
