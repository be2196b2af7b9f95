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

package dev.chatstarter.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a small deterministic value that conforms to a JSON schema: every property of
 * an object, one item per array (or {@code minItems}), the first {@code enum} value or
 * the {@code const}, the first {@code anyOf} / {@code oneOf} alternative, local
 * {@code $ref}s resolved, and numbers within {@code minimum}/{@code maximum}.
 */
final class JsonSchemaSampler {

	private static final int MAX_DEPTH = 12;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode root;

	private JsonSchemaSampler(JsonNode root) {
		this.root = root;
	}

	/**
	 * Generate a value for a schema.
	 * @param schema the schema
	 * @return a conforming value
	 */
	static JsonNode sample(JsonNode schema) {
		return new JsonSchemaSampler(schema).sample(schema, "", 0);
	}

	private JsonNode sample(JsonNode schema, String name, int depth) {
		if (depth > MAX_DEPTH || !schema.isObject()) {
			return NODES.nullNode();
		}
		JsonNode ref = schema.get("$ref");
		if (ref != null && ref.isString()) {
			JsonNode target = resolve(ref.stringValue());
			return (target != null) ? sample(target, name, depth + 1) : NODES.nullNode();
		}
		if (schema.has("const")) {
			return schema.get("const").deepCopy();
		}
		JsonNode values = schema.get("enum");
		if (values != null && values.isArray() && !values.isEmpty()) {
			return values.get(0).deepCopy();
		}
		for (String combinator : new String[] { "anyOf", "oneOf", "allOf" }) {
			JsonNode alternatives = schema.get(combinator);
			if (alternatives != null && alternatives.isArray() && !alternatives.isEmpty()) {
				return sample(firstNonNull(alternatives), name, depth + 1);
			}
		}
		switch (type(schema)) {
			case "object":
				return object(schema, depth);
			case "array":
				return array(schema, name, depth);
			case "integer":
				return NODES.numberNode((long) Math.ceil(number(schema)));
			case "number":
				return NODES.numberNode(number(schema));
			case "boolean":
				return NODES.booleanNode(true);
			case "null":
				return NODES.nullNode();
			default:
				return NODES.stringNode(string(schema, name));
		}
	}

	private ObjectNode object(JsonNode schema, int depth) {
		ObjectNode object = NODES.objectNode();
		JsonNode properties = schema.get("properties");
		if (properties != null && properties.isObject()) {
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
			}
		}
		return object;
	}

	private ArrayNode array(JsonNode schema, String name, int depth) {
		ArrayNode array = NODES.arrayNode();
		JsonNode items = schema.get("items");
		int count = Math.max(1, schema.path("minItems").asInt(1));
		for (int i = 0; i < count; i++) {
			array.add((items != null && items.isObject()) ? sample(items, name, depth + 1) : NODES.stringNode("demo"));
		}
		return array;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isString()) {
			return type.stringValue();
		}
		if (type != null && type.isArray()) {
			for (JsonNode candidate : type) {
				if (candidate.isString() && !"null".equals(candidate.stringValue())) {
					return candidate.stringValue();
				}
			}
			return "null";
		}
		if (schema.has("properties")) {
			return "object";
		}
		return schema.has("items") ? "array" : "string";
	}

	private static double number(JsonNode schema) {
		double value = 1;
		if (schema.path("minimum").isNumber()) {
			value = schema.path("minimum").asDouble();
		}
		else if (schema.path("exclusiveMinimum").isNumber()) {
			value = schema.path("exclusiveMinimum").asDouble() + 1;
		}
		if (schema.path("maximum").isNumber()) {
			value = Math.min(value, schema.path("maximum").asDouble());
		}
		return value;
	}

	private static String string(JsonNode schema, String name) {
		String format = schema.path("format").asString("");
		String value = switch (format) {
			case "date-time" -> "2024-01-01T00:00:00Z";
			case "date" -> "2024-01-01";
			case "time" -> "00:00:00";
			case "email" -> "demo@example.invalid";
			case "uri", "url" -> "https://example.invalid/demo";
			case "uuid" -> "00000000-0000-4000-8000-000000000000";
			default -> name.isEmpty() ? "demo" : "demo " + name;
		};
		int minLength = schema.path("minLength").asInt(0);
		StringBuilder padded = new StringBuilder(value);
		while (padded.length() < minLength) {
			padded.append('.');
		}
		int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		return (padded.length() > maxLength) ? padded.substring(0, maxLength) : padded.toString();
	}

	private static JsonNode firstNonNull(JsonNode alternatives) {
		for (JsonNode alternative : alternatives) {
			if (!"null".equals(alternative.path("type").asString(""))) {
				return alternative;
			}
		}
		return alternatives.get(0);
	}

	private @Nullable JsonNode resolve(String ref) {
		if (!ref.startsWith("#")) {
			return null;
		}
		JsonNode target = this.root.at(JsonPointer.compile(ref.substring(1)));
		return target.isMissingNode() ? null : target;
	}

}
