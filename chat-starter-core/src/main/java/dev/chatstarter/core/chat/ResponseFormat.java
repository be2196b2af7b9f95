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
 * The {@code response_format} of a request: plain text, JSON mode or a JSON schema.
 *
 * @param type the format type
 * @param schemaName the schema's name ({@link Type#JSON_SCHEMA} only)
 * @param schema the JSON schema as a map ({@link Type#JSON_SCHEMA} only)
 * @param strict whether the provider must follow the schema exactly
 * ({@link Type#JSON_SCHEMA} only)
 */
public record ResponseFormat(Type type, @Nullable String schemaName, @Nullable Map<String, Object> schema,
		@Nullable Boolean strict) {

	public ResponseFormat {
		Assert.notNull(type, "type must not be null");
		if (type == Type.JSON_SCHEMA) {
			Assert.hasText(schemaName, "a json_schema response format needs a schema name");
			Assert.notNull(schema, "a json_schema response format needs a schema");
		}
		schema = (schema != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(schema)) : null;
	}

	/**
	 * Plain text answers.
	 * @return the format
	 */
	public static ResponseFormat text() {
		return new ResponseFormat(Type.TEXT, null, null, null);
	}

	/**
	 * JSON mode: the answer is a JSON object (the prompt must mention JSON for most
	 * providers).
	 * @return the format
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat(Type.JSON_OBJECT, null, null, null);
	}

	/**
	 * Structured output that follows a JSON schema.
	 * @param name the schema name
	 * @param schema the JSON schema
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, Object> schema) {
		return new ResponseFormat(Type.JSON_SCHEMA, name, schema, null);
	}

	/**
	 * Structured output that follows a JSON schema.
	 * @param name the schema name
	 * @param schema the JSON schema
	 * @param strict whether the provider must follow the schema exactly
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, Object> schema, @Nullable Boolean strict) {
		return new ResponseFormat(Type.JSON_SCHEMA, name, schema, strict);
	}

	/**
	 * The {@code response_format.type} values.
	 */
	public enum Type {

		/** {@code text}. */
		TEXT("text"),

		/** {@code json_object}. */
		JSON_OBJECT("json_object"),

		/** {@code json_schema}. */
		JSON_SCHEMA("json_schema");

		private final String wireName;

		Type(String wireName) {
			this.wireName = wireName;
		}

		/**
		 * Return the type's name on the wire.
		 * @return the wire name
		 */
		public String wireName() {
			return this.wireName;
		}

	}

}
