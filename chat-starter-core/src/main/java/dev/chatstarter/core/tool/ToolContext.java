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

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What the caller passes to its tools besides the model's arguments, e.g. the current
 * user or request attributes. It is never part of a tool's schema and never seen by the
 * model; a {@link ChatTool} method receives it by declaring a {@code ToolContext}
 * parameter. Immutable.
 *
 * @param attributes the attributes (unmodifiable, no {@code null} keys or values)
 */
public record ToolContext(Map<String, Object> attributes) {

	private static final ToolContext EMPTY = new ToolContext(Map.of());

	public ToolContext {
		Assert.notNull(attributes, "attributes must not be null");
		attributes = Map.copyOf(attributes);
	}

	/**
	 * A context without attributes.
	 * @return the empty context
	 */
	public static ToolContext empty() {
		return EMPTY;
	}

	/**
	 * A context with the given attributes.
	 * @param attributes the attributes
	 * @return the context
	 */
	public static ToolContext of(Map<String, ?> attributes) {
		return new ToolContext(Map.copyOf(attributes));
	}

	/**
	 * Return an attribute.
	 * @param name the attribute name
	 * @return the value, or {@code null} if there is none
	 */
	public @Nullable Object get(String name) {
		return this.attributes.get(name);
	}

	/**
	 * Return an attribute of a given type.
	 * @param <T> the type
	 * @param name the attribute name
	 * @param type the expected type
	 * @return the value, or {@code null} if there is none
	 * @throws ClassCastException if the value has another type
	 */
	public <T> @Nullable T get(String name, Class<T> type) {
		return type.cast(this.attributes.get(name));
	}

	/**
	 * Return a copy with one more (or a replaced) attribute.
	 * @param name the attribute name
	 * @param value the value
	 * @return a new context
	 */
	public ToolContext with(String name, Object value) {
		Map<String, Object> attributes = new HashMap<>(this.attributes);
		attributes.put(name, value);
		return new ToolContext(attributes);
	}

}
