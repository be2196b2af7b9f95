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

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.output.JsonSchemaGenerator;
import dev.chatstarter.core.output.SchemaPropertyResolver;

/**
 * Builds the JSON schema of a tool method's parameters:
 * {@code {"type":"object","properties":{...},"required":[...]}}, one property per
 * parameter named after it, with the {@link ToolParam} description; {@link ToolContext}
 * parameters are left out. A parameter is required unless it is {@code Optional},
 * {@code @Nullable} or {@code @ToolParam(required = false)}. Parameter types are
 * described by {@link JsonSchemaGenerator} (enums as
 * {@code {"type":"string","enum":[...]}} with the names Jackson uses, records and POJOs
 * as nested objects whose fields may carry {@code @ToolParam} descriptions too, and so
 * on).
 * <p>
 * The schema is built once per method; {@link MethodToolCallback} keeps it in its
 * definition. Thread-safe.
 */
public final class ToolSchemaGenerator {

	/**
	 * Built on first use: setting up the schema generator loads many classes, and
	 * start-up need not pay for it.
	 */
	private final SingletonSupplier<JsonSchemaGenerator> generator;

	private final boolean strict;

	/**
	 * The schemas built so far, per class the methods are called on: tools offered per
	 * call with {@code toolsFrom(object)} are described once, not on every call. A
	 * {@link ClassValue} does not keep classes from being unloaded.
	 */
	private final ClassValue<Map<Method, Map<String, Object>>> schemas = new ClassValue<>() {

		@Override
		protected Map<Method, Map<String, Object>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}

	};

	/**
	 * Create a generator of relaxed schemas that follow a default {@link JsonMapper}.
	 */
	public ToolSchemaGenerator() {
		this(JsonMapper.shared(), false);
	}

	/**
	 * Create a generator.
	 * @param jsonMapper the mapper that converts the arguments (its naming strategy and
	 * annotations shape the schema)
	 * @param strict whether to build OpenAI strict schemas (every parameter required,
	 * optional ones nullable, {@code "additionalProperties": false}); the tool
	 * definitions then say {@code strict: true}
	 */
	public ToolSchemaGenerator(JsonMapper jsonMapper, boolean strict) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.generator = SingletonSupplier
			.of(() -> new JsonSchemaGenerator(jsonMapper, strict, new ToolParamResolver()));
		this.strict = strict;
	}

	/**
	 * Whether the schemas follow OpenAI's strict rules.
	 * @return {@code true} for strict schemas
	 */
	public boolean isStrict() {
		return this.strict;
	}

	/**
	 * Build the schema of a method's parameters, type variables resolved against the
	 * declaring class.
	 * @param method the method
	 * @return the schema (unmodifiable)
	 * @throws ToolDeclarationException if a parameter cannot be described
	 */
	public Map<String, Object> generate(Method method) {
		return generate(method, method.getDeclaringClass());
	}

	/**
	 * Build the schema of a method's parameters.
	 * @param method the method
	 * @param beanClass the class the method is called on, to resolve type variables
	 * @return the schema (unmodifiable)
	 * @throws ToolDeclarationException if a parameter cannot be described
	 */
	public Map<String, Object> generate(Method method, Class<?> beanClass) {
		Assert.notNull(method, "method must not be null");
		Assert.notNull(beanClass, "beanClass must not be null");
		return this.schemas.get(beanClass).computeIfAbsent(method, (key) -> generate(ToolParameter.of(key, beanClass)));
	}

	Map<String, Object> generate(List<ToolParameter> parameters) {
		List<JsonSchemaGenerator.Property> properties = new ArrayList<>(parameters.size());
		for (ToolParameter parameter : parameters) {
			if (!parameter.context()) {
				properties.add(new JsonSchemaGenerator.Property(parameter.name(), parameter.type(),
						parameter.description(), parameter.required()));
			}
		}
		return this.generator.obtain().generateObject(properties);
	}

	/**
	 * Reads {@link ToolParam} on fields, getters and record components of parameter
	 * types.
	 */
	private static final class ToolParamResolver implements SchemaPropertyResolver {

		@Override
		public @Nullable String description(AnnotatedElement member) {
			ToolParam toolParam = member.getAnnotation(ToolParam.class);
			return (toolParam != null && StringUtils.hasText(toolParam.description())) ? toolParam.description() : null;
		}

		@Override
		public boolean isOptional(AnnotatedElement member) {
			ToolParam toolParam = member.getAnnotation(ToolParam.class);
			return toolParam != null && !toolParam.required();
		}

	}

}
