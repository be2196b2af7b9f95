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

import java.lang.reflect.Type;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.ResponseFormat;

/**
 * The JSON schema of a structured output type, ready for {@code response_format}.
 *
 * @param name the schema name, {@code [a-zA-Z0-9_-]{1,64}}, e.g. {@code MathSolution}
 * @param schema the JSON schema (unmodifiable)
 * @param strict whether the schema follows OpenAI's strict rules, so
 * {@code "strict": true} may be sent with it
 */
public record OutputSchema(String name, Map<String, Object> schema, boolean strict) {

	private static final int MAX_NAME_LENGTH = 64;

	public OutputSchema {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(schema, "schema must not be null");
	}

	/**
	 * Return the {@code response_format} that asks for this schema: {@code json_schema}
	 * with this name and schema, and {@code "strict": true} only when the schema
	 * {@linkplain #strict() is strict}.
	 * @return the response format
	 */
	public ResponseFormat responseFormat() {
		return ResponseFormat.jsonSchema(this.name, this.schema, this.strict ? Boolean.TRUE : null);
	}

	/**
	 * Derive a schema name from a type: the simple class name, type arguments appended
	 * with {@code _} ({@code List<Step>} gives {@code List_Step}), arrays suffixed with
	 * {@code Array}, every other character than {@code [a-zA-Z0-9_-]} replaced with
	 * {@code _}, cut to 64 characters.
	 * @param type the type
	 * @return the name
	 */
	public static String nameOf(Type type) {
		Assert.notNull(type, "type must not be null");
		StringBuilder name = new StringBuilder();
		appendName(ResolvableType.forType(type), name);
		String sanitized = name.toString().replaceAll("[^a-zA-Z0-9_-]", "_");
		if (sanitized.isEmpty()) {
			return "Response";
		}
		return (sanitized.length() > MAX_NAME_LENGTH) ? sanitized.substring(0, MAX_NAME_LENGTH) : sanitized;
	}

	private static void appendName(ResolvableType type, StringBuilder name) {
		if (type.isArray()) {
			appendName(type.getComponentType(), name);
			name.append("Array");
			return;
		}
		Class<?> resolved = type.resolve();
		name.append((resolved != null) ? resolved.getSimpleName() : "Object");
		for (ResolvableType generic : type.getGenerics()) {
			name.append('_');
			appendName(generic, name);
		}
	}

}
