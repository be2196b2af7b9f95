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
