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

package dev.chatstarter.core.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A function the model may call ({@code {"type":"function","function":{...}}}).
 *
 * @param name the function name
 * @param description what the function does, for the model
 * @param parameters the JSON schema of the arguments object
 * @param strict whether the provider must follow the schema exactly
 */
public record ToolDefinition(String name, @Nullable String description, Map<String, Object> parameters,
		@Nullable Boolean strict) {

	public ToolDefinition {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(parameters, "parameters must not be null");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * A function definition.
	 * @param name the function name
	 * @param description what it does
	 * @param parameters the JSON schema of its arguments
	 * @return the definition
	 */
	public static ToolDefinition of(String name, @Nullable String description, Map<String, Object> parameters) {
		return new ToolDefinition(name, description, parameters, null);
	}

}
