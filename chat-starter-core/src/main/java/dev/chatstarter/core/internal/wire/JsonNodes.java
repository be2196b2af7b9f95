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

package dev.chatstarter.core.internal.wire;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tolerant accessors for provider JSON: a missing field, a JSON {@code null} and a value
 * of an unexpected type all read as {@code null} instead of failing, because real
 * providers omit and mistype fields.
 */
final class JsonNodes {

	private JsonNodes() {
	}

	/**
	 * Return a field as text: strings as they are, numbers and booleans in their JSON
	 * form.
	 * @param node the object
	 * @param field the field name
	 * @return the text, or {@code null}
	 */
	static @Nullable String text(@Nullable JsonNode node, String field) {
		return (node != null) ? text(node.get(field)) : null;
	}

	/**
	 * Return a value as text: strings as they are, numbers and booleans in their JSON
	 * form.
	 * @param value the value
	 * @return the text, or {@code null} for missing, null and container values
	 */
	static @Nullable String text(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	/**
	 * Return a field as an int.
	 * @param node the object
	 * @param field the field name
	 * @return the number, or {@code null} when missing or not a number
	 */
	static @Nullable Integer integer(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || !value.isNumber()) {
			return null;
		}
		return value.asInt();
	}

	/**
	 * Return a field as a long.
	 * @param node the object
	 * @param field the field name
	 * @return the number, or {@code null} when missing or not a number
	 */
	static @Nullable Long longValue(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || !value.isNumber()) {
			return null;
		}
		return value.asLong();
	}

	/**
	 * Return a field if it is an object.
	 * @param node the object
	 * @param field the field name
	 * @return the nested object, or {@code null}
	 */
	static @Nullable JsonNode object(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isObject()) ? value : null;
	}

	/**
	 * Return a field if it is an array.
	 * @param node the object
	 * @param field the field name
	 * @return the array, or {@code null}
	 */
	static @Nullable JsonNode array(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isArray()) ? value : null;
	}

}
