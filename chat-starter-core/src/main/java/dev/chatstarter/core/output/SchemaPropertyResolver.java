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

package dev.chatstarter.core.output;

import java.lang.reflect.AnnotatedElement;

import org.jspecify.annotations.Nullable;

/**
 * Extra per-property information for {@link JsonSchemaGenerator}, read from annotations
 * the generator does not know itself (it knows Jackson's {@code @JsonProperty},
 * {@code @JsonPropertyDescription}, {@code @JsonClassDescription}, {@code @JsonIgnore},
 * {@code Optional} and {@code @Nullable}). The tool package uses it for
 * {@code @ToolParam} on fields and record components.
 */
public interface SchemaPropertyResolver {

	/**
	 * A resolver that adds nothing.
	 */
	SchemaPropertyResolver NONE = new SchemaPropertyResolver() {
	};

	/**
	 * Return the description of a property.
	 * @param member the property's field or getter method
	 * @return the description, or {@code null} to let the generator decide
	 */
	default @Nullable String description(AnnotatedElement member) {
		return null;
	}

	/**
	 * Whether a property may be left out (or be {@code null}) even though its type does
	 * not say so.
	 * @param member the property's field or getter method
	 * @return {@code true} if the property is optional
	 */
	default boolean isOptional(AnnotatedElement member) {
		return false;
	}

}
