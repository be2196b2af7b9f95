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

package dev.chatstarter.core.tool;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How a template finds and runs its tools: the registry, the tools every prompt offers,
 * how tool methods are executed, who hears of each execution, and how a tool's failure is
 * told to the model.
 *
 * @param registry the registry of the tools prompts may name, asked for on each use
 * @param defaultTools the names of the tools every prompt offers
 * @param execution how tool methods run: scheduler, timeout, rounds
 * @param listener told of each tool execution
 * @param errorConverter turns a tool's failure into the text the model reads
 */
public record ToolSettings(Supplier<ToolRegistry> registry, List<String> defaultTools, ToolExecutionOptions execution,
		ToolExecutionListener listener, ToolErrorConverter errorConverter) {

	private static final ToolSettings NONE = new ToolSettings(ToolRegistry::empty, List.of(),
			ToolExecutionOptions.defaults(), ToolExecutionListener.NONE, ToolErrorConverter.neutral());

	public ToolSettings {
		Assert.notNull(registry, "registry must not be null");
		Assert.noNullElements(defaultTools, "defaultTools must not contain null");
		Assert.notNull(execution, "execution must not be null");
		Assert.notNull(listener, "listener must not be null");
		Assert.notNull(errorConverter, "errorConverter must not be null");
		defaultTools = List.copyOf(defaultTools);
	}

	/**
	 * Settings without tools.
	 * @return the settings with an empty registry and the default execution options
	 */
	public static ToolSettings none() {
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
	 * Builds {@link ToolSettings}; each setter checks its value. Not thread-safe.
	 */
	public static final class Builder {

		private Supplier<ToolRegistry> registry;

		/** The registry when given as an instance, checked against the default tools. */
		private @Nullable ToolRegistry eagerRegistry;

		private List<String> defaultTools;

		private ToolExecutionOptions execution;

		private ToolExecutionListener listener;

		private ToolErrorConverter errorConverter;

		private Builder(ToolSettings settings) {
			this.registry = settings.registry;
			this.defaultTools = settings.defaultTools;
			this.execution = settings.execution;
			this.listener = settings.listener;
			this.errorConverter = settings.errorConverter;
		}

		/**
		 * Set the registry; {@link #build()} checks that it holds every default tool.
		 * @param registry the registry
		 * @return this builder
		 */
		public Builder registry(ToolRegistry registry) {
			Assert.notNull(registry, "registry must not be null");
			this.registry = () -> registry;
			this.eagerRegistry = registry;
			return this;
		}

		/**
		 * Set a registry asked for on each use, for registries that fill up after the
		 * template is built (for example when the application context has started).
		 * @param registry supplies the registry
		 * @return this builder
		 */
		public Builder registry(Supplier<ToolRegistry> registry) {
			Assert.notNull(registry, "registry must not be null");
			this.registry = registry;
			this.eagerRegistry = null;
			return this;
		}

		/**
		 * Set the tools every prompt offers, by name.
		 * @param names the tool names
		 * @return this builder
		 */
		public Builder defaultTools(String... names) {
			Assert.noNullElements(names, "names must not contain null");
			this.defaultTools = List.of(names);
			return this;
		}

		/**
		 * Set how tool methods run.
		 * @param execution the execution options
		 * @return this builder
		 */
		public Builder execution(ToolExecutionOptions execution) {
			Assert.notNull(execution, "execution must not be null");
			this.execution = execution;
			return this;
		}

		/**
		 * Set the listener told of each tool execution.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(ToolExecutionListener listener) {
			Assert.notNull(listener, "listener must not be null");
			this.listener = listener;
			return this;
		}

		/**
		 * Set how a tool's failure is told to the model.
		 * @param errorConverter the converter
		 * @return this builder
		 */
		public Builder errorConverter(ToolErrorConverter errorConverter) {
			Assert.notNull(errorConverter, "errorConverter must not be null");
			this.errorConverter = errorConverter;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a registry given as an instance lacks a
		 * default tool
		 */
		public ToolSettings build() {
			if (this.eagerRegistry != null) {
				this.eagerRegistry.resolve(this.defaultTools);
			}
			return new ToolSettings(this.registry, this.defaultTools, this.execution, this.listener,
					this.errorConverter);
		}

	}

}
