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

package dev.chatstarter.core.internal.output;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.output.JsonSchemaGenerator;
import dev.chatstarter.core.output.OutputSchema;
import dev.chatstarter.core.output.SchemaPropertyResolver;

/**
 * The JSON schemas of structured output types, generated once per type and kept.
 * <p>
 * Which variant to use:
 * <ul>
 * <li>{@code response_format: json_schema}: {@link #strict(Type)}. Its schema follows
 * OpenAI's strict rules (every property required, optional ones nullable,
 * {@code "additionalProperties": false}) and is still a plain, valid JSON schema for
 * providers that ignore {@code strict}. {@link OutputSchema#strict()} is {@code false}
 * when the type cannot be expressed strictly (a {@code Map} or untyped property, or a
 * root that is not an object, e.g. a {@code List}); send
 * {@link OutputSchema#responseFormat()} as it is, it only claims {@code strict} when it
 * may;</li>
 * <li>{@code json_object} or prompt-only providers: {@link #relaxed(Type)} rendered with
 * {@link SchemaPrompt}: shorter, optional properties simply not required.</li>
 * </ul>
 * Thread-safe.
 */
public final class JsonSchemaCache {

	/**
	 * Built on first use: setting up a schema generator loads many classes, which
	 * start-up need not pay for.
	 */
	private final Supplier<JsonSchemaGenerator> strictGenerator;

	private final Supplier<JsonSchemaGenerator> relaxedGenerator;

	private final ConcurrentMap<Type, OutputSchema> strictSchemas = new ConcurrentHashMap<>();

	private final ConcurrentMap<Type, OutputSchema> relaxedSchemas = new ConcurrentHashMap<>();

	/**
	 * Create a cache on Jackson's shared {@link JsonMapper}.
	 */
	public JsonSchemaCache() {
		this(JsonMapper.shared());
	}

	/**
	 * Create a cache whose schemas follow the given mapper's configuration (use the
	 * mapper that parses the answers).
	 * @param jsonMapper the mapper
	 */
	public JsonSchemaCache(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.strictGenerator = SingletonSupplier
			.of(() -> new JsonSchemaGenerator(jsonMapper, true, SchemaPropertyResolver.NONE));
		this.relaxedGenerator = SingletonSupplier
			.of(() -> new JsonSchemaGenerator(jsonMapper, false, SchemaPropertyResolver.NONE));
	}

	/**
	 * Create a cache on the given generators.
	 * @param strictGenerator a generator of the strict variant
	 * @param relaxedGenerator a generator of the relaxed variant
	 */
	public JsonSchemaCache(JsonSchemaGenerator strictGenerator, JsonSchemaGenerator relaxedGenerator) {
		Assert.isTrue(strictGenerator.isStrict(), "strictGenerator must generate the strict variant");
		Assert.isTrue(!relaxedGenerator.isStrict(), "relaxedGenerator must generate the relaxed variant");
		this.strictGenerator = () -> strictGenerator;
		this.relaxedGenerator = () -> relaxedGenerator;
	}

	/**
	 * Return the strict schema of a type, for {@code response_format: json_schema}.
	 * @param type a class or generic type
	 * @return the schema, the same instance on every call for the same type
	 */
	public OutputSchema strict(Type type) {
		Assert.notNull(type, "type must not be null");
		return this.strictSchemas.computeIfAbsent(type, (key) -> {
			Map<String, Object> schema = this.strictGenerator.get().generate(key);
			return new OutputSchema(OutputSchema.nameOf(key), schema, isStrictCompatible(schema));
		});
	}

	/**
	 * Return the strict schema of a generic type, for
	 * {@code response_format: json_schema}.
	 * @param type the type reference
	 * @return the schema, the same instance on every call for the same type
	 */
	public OutputSchema strict(ParameterizedTypeReference<?> type) {
		Assert.notNull(type, "type must not be null");
		return strict(type.getType());
	}

	/**
	 * Return the relaxed schema of a type, for schema instructions in a prompt.
	 * @param type a class or generic type
	 * @return the schema ({@link OutputSchema#strict()} is {@code false}), the same
	 * instance on every call
	 */
	public OutputSchema relaxed(Type type) {
		Assert.notNull(type, "type must not be null");
		return this.relaxedSchemas.computeIfAbsent(type,
				(key) -> new OutputSchema(OutputSchema.nameOf(key), this.relaxedGenerator.get().generate(key), false));
	}

	/**
	 * Return the relaxed schema of a generic type, for schema instructions in a prompt.
	 * @param type the type reference
	 * @return the schema ({@link OutputSchema#strict()} is {@code false}), the same
	 * instance on every call
	 */
	public OutputSchema relaxed(ParameterizedTypeReference<?> type) {
		Assert.notNull(type, "type must not be null");
		return relaxed(type.getType());
	}

	/**
	 * Whether a schema satisfies OpenAI's strict structured output rules: the root is an
	 * object, every object has {@code properties} and
	 * {@code "additionalProperties": false}, no schema is empty.
	 * @param schema the schema
	 * @return {@code true} if {@code "strict": true} may be sent with it
	 */
	static boolean isStrictCompatible(Map<String, Object> schema) {
		return "object".equals(schema.get("type")) && isStrictNode(schema);
	}

	private static boolean isStrictNode(Object node) {
		if (!(node instanceof Map<?, ?> schema)) {
			return true;
		}
		if (schema.isEmpty()) {
			return false;
		}
		Object type = schema.get("type");
		boolean object = "object".equals(type) || (type instanceof List<?> types && types.contains("object"));
		if (object && (!(schema.get("properties") instanceof Map)
				|| !Boolean.FALSE.equals(schema.get("additionalProperties")))) {
			return false;
		}
		for (String key : List.of("properties", JsonSchemaGenerator.DEFINITIONS)) {
			if (schema.get(key) instanceof Map<?, ?> children
					&& !children.values().stream().allMatch(JsonSchemaCache::isStrictNode)) {
				return false;
			}
		}
		for (String key : List.of("anyOf", "allOf", "oneOf", "prefixItems")) {
			if (schema.get(key) instanceof List<?> children
					&& !children.stream().allMatch(JsonSchemaCache::isStrictNode)) {
				return false;
			}
		}
		Object items = schema.get("items");
		return items == null || isStrictNode(items);
	}

}
