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

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MethodScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.module.FlattenedWrapperModule;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Nullness;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place where JSON schemas of Java types are generated (with the victools
 * generator, on Jackson 3), for tool parameters and for structured output.
 * <p>
 * What comes out:
 * <ul>
 * <li>primitives and wrappers, {@code String}, {@code BigDecimal}:
 * {@code integer}/{@code number}/{@code string}/{@code boolean};</li>
 * <li>enums: {@code {"type":"string","enum":[...]}} with the values the mapper writes for
 * the constants: the constant names, or the {@code @JsonProperty}/{@code @JsonValue}
 * names when the enum declares them. Names are never lower-cased behind Jackson's back,
 * so what the model sends back always parses;</li>
 * <li>records and POJOs: nested objects with the properties Jackson sees, in declaration
 * order (names from {@code @JsonProperty}, {@code @JsonNaming} or the mapper's naming
 * strategy, {@code @JsonIgnore} respected), descriptions from
 * {@code @JsonPropertyDescription}, {@code @JsonClassDescription} and the
 * {@link SchemaPropertyResolver};</li>
 * <li>{@code List}/{@code Set}/arrays: {@code array} with {@code items};
 * {@code Map<String, V>}: {@code object} with {@code additionalProperties} of {@code V};
 * {@code Optional<T>}: the schema of {@code T};</li>
 * <li>{@code java.time}: {@code string} with {@code format} {@code date},
 * {@code date-time}, {@code time} or {@code duration} where JSON schema has one
 * ({@code LocalDateTime} has none);</li>
 * <li>types used more than once or recursively are referenced through {@code $defs},
 * everything else is inlined.</li>
 * </ul>
 * A property is optional when its type is {@code Optional}, when it is {@code @Nullable}
 * (JSpecify or any annotation named {@code Nullable}, as Spring's {@link Nullness} reads
 * it) or when the {@link SchemaPropertyResolver} says so. Two variants:
 * <ul>
 * <li><b>relaxed</b> ({@code strict = false}): every non-optional property is listed in
 * {@code required}, optional ones are not; no {@code null} types. Small and readable: for
 * tool parameters and for schema instructions in a prompt;</li>
 * <li><b>strict</b> ({@code strict = true}): OpenAI's strict structured output rules:
 * every object with {@code properties} gets {@code "additionalProperties": false} and
 * lists every property in {@code required}; optional properties are typed
 * {@code ["<type>","null"]} (or {@code anyOf} with {@code {"type":"null"}}). Maps cannot
 * be expressed in strict mode and are left as they are.</li>
 * </ul>
 * Generation is synchronized (victools' configuration is stateful); callers are expected
 * to generate once and keep the result, as the template's schema cache and the tool
 * callbacks do. The returned maps are unmodifiable.
 */
public final class JsonSchemaGenerator {

	/** The name of the definitions section referenced by {@code $ref}. */
	public static final String DEFINITIONS = "$defs";

	private final JsonMapper jsonMapper;

	private final boolean strict;

	private final SchemaGenerator generator;

	private final Object monitor = new Object();

	/**
	 * Create a generator on Jackson's shared {@link JsonMapper} without extra property
	 * information.
	 * @param strict whether to generate the strict variant
	 */
	public JsonSchemaGenerator(boolean strict) {
		this(JsonMapper.shared(), strict, SchemaPropertyResolver.NONE);
	}

	/**
	 * Create a generator.
	 * @param jsonMapper the mapper whose configuration (naming strategy, annotations) the
	 * schema must follow; use the one that parses the values
	 * @param strict whether to generate the strict variant
	 * @param propertyResolver extra descriptions and optional flags for properties
	 */
	public JsonSchemaGenerator(JsonMapper jsonMapper, boolean strict, SchemaPropertyResolver propertyResolver) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		Assert.notNull(propertyResolver, "propertyResolver must not be null");
		this.jsonMapper = jsonMapper;
		this.strict = strict;
		this.generator = createGenerator(jsonMapper, strict, propertyResolver);
	}

	private static SchemaGenerator createGenerator(JsonMapper jsonMapper, boolean strict,
			SchemaPropertyResolver propertyResolver) {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(jsonMapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.without(Option.SCHEMA_VERSION_INDICATOR)
			.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.PLAIN_DEFINITION_KEYS);
		// declaration order (or @JsonPropertyOrder), as Jackson writes them; victools
		// sorts alphabetically by default
		builder.forTypesInGeneral().withPropertySorter(new JsonPropertySorter(false));
		if (!strict) {
			// Optional<T> as T, without the "null" type FLATTENED_OPTIONALS adds
			builder.without(Option.FLATTENED_OPTIONALS).with(new FlattenedWrapperModule<>(Optional.class));
		}
		// registered before the Jackson module: the first description found wins
		builder.forFields().withDescriptionResolver((field) -> description(field, propertyResolver));
		if (strict) {
			builder.forFields().withNullableCheck((field) -> isOptional(field, propertyResolver) ? Boolean.TRUE : null);
		}
		else {
			builder.forFields().withRequiredCheck((field) -> !isOptional(field, propertyResolver));
		}
		builder.forTypesInGeneral()
			.withCustomDefinitionProvider((javaType, context) -> enumDefinition(jsonMapper, javaType.getErasedType(),
					context.getGeneratorConfig().createObjectNode()));
		builder.with(new JacksonSchemaModule());
		// after the Jackson module, whose @JsonProperty and @JsonNaming names win, as in
		// Jackson
		PropertyNamingStrategy namingStrategy = jsonMapper.deserializationConfig().getPropertyNamingStrategy();
		if (namingStrategy != null) {
			builder.forFields()
				.withPropertyNameOverrideResolver((field) -> field.isFakeContainerItemScope() ? null : namingStrategy
					.nameForField(jsonMapper.deserializationConfig(), null, field.getDeclaredName()));
		}
		return new SchemaGenerator(builder.build());
	}

	/**
	 * Describe an enum as a string with the values the mapper writes for its constants,
	 * so the schema follows {@code @JsonProperty} and {@code @JsonValue} as Jackson does.
	 * @param jsonMapper the mapper whose serialization of the constants the schema
	 * follows
	 * @param type the type to describe; only an enum with constants is described here
	 * @param node the node to fill with the string type and the enum values
	 * @return the enum's definition, or {@code null} to leave the type to the standard
	 * handling (not an enum, no constants, or a constant not written as a string)
	 */
	private static @Nullable CustomDefinition enumDefinition(JsonMapper jsonMapper, Class<?> type, ObjectNode node) {
		Object[] constants = type.getEnumConstants();
		if (!type.isEnum() || constants == null || constants.length == 0) {
			return null;
		}
		ArrayNode values = node.put("type", "string").putArray("enum");
		for (Object constant : constants) {
			JsonNode value = jsonMapper.valueToTree(constant);
			if (!value.isString()) {
				// written as a number or an object: leave it to the standard enum
				// handling
				return null;
			}
			values.add(value);
		}
		return new CustomDefinition(node, true);
	}

	private static @Nullable String description(FieldScope field, SchemaPropertyResolver propertyResolver) {
		if (field.isFakeContainerItemScope()) {
			return null;
		}
		String description = propertyResolver.description(field.getRawMember());
		if (description == null) {
			MethodScope getter = field.findGetter();
			description = (getter != null) ? propertyResolver.description(getter.getRawMember()) : null;
		}
		return description;
	}

	private static boolean isOptional(FieldScope field, SchemaPropertyResolver propertyResolver) {
		if (field.isFakeContainerItemScope()) {
			return false;
		}
		Field rawField = field.getRawMember();
		if (rawField.getType() == Optional.class) {
			return true;
		}
		if (!rawField.getType().isPrimitive() && Nullness.forField(rawField) == Nullness.NULLABLE) {
			return true;
		}
		MethodScope getter = field.findGetter();
		return propertyResolver.isOptional(rawField)
				|| (getter != null && propertyResolver.isOptional(getter.getRawMember()));
	}

	/**
	 * Whether this generator produces the strict variant.
	 * @return {@code true} for the strict variant
	 */
	public boolean isStrict() {
		return this.strict;
	}

	/**
	 * Generate the schema of a type.
	 * @param type a class or a generic type, e.g. from a
	 * {@code ParameterizedTypeReference}
	 * @return the schema as an unmodifiable map
	 */
	public Map<String, Object> generate(Type type) {
		Assert.notNull(type, "type must not be null");
		ObjectNode schema;
		synchronized (this.monitor) {
			schema = this.generator.generateSchema(type);
		}
		return finish(schema);
	}

	/**
	 * Generate the schema of an object whose properties are described one by one, e.g.
	 * the parameters of a method:
	 * {@code {"type":"object","properties":{...},"required":[...]}}, with a {@code $defs}
	 * section when a type is referenced more than once.
	 * @param properties the properties, in order
	 * @return the schema as an unmodifiable map
	 */
	public Map<String, Object> generateObject(List<Property> properties) {
		Assert.notNull(properties, "properties must not be null");
		List<ObjectNode> nodes = new ArrayList<>(properties.size());
		ObjectNode definitions;
		synchronized (this.monitor) {
			SchemaBuilder builder = this.generator.buildMultipleSchemaDefinitions();
			for (Property property : properties) {
				nodes.add(builder.createSchemaReference(unwrapOptional(property.type())));
			}
			definitions = builder.collectDefinitions(DEFINITIONS);
		}
		ObjectNode schema = this.jsonMapper.createObjectNode();
		schema.put("type", "object");
		ObjectNode propertiesNode = schema.putObject("properties");
		List<String> required = new ArrayList<>();
		for (int i = 0; i < properties.size(); i++) {
			Property property = properties.get(i);
			ObjectNode node = nodes.get(i);
			if (property.description() != null) {
				node.put("description", property.description());
			}
			if (this.strict && !property.required()) {
				node = nullable(node);
			}
			propertiesNode.set(property.name(), node);
			if (property.required() || this.strict) {
				required.add(property.name());
			}
		}
		if (!required.isEmpty()) {
			ArrayNode requiredNode = schema.putArray("required");
			required.forEach(requiredNode::add);
		}
		if (!definitions.isEmpty()) {
			schema.set(DEFINITIONS, definitions);
		}
		return finish(schema);
	}

	private static Type unwrapOptional(Type type) {
		ResolvableType resolvable = ResolvableType.forType(type);
		if (resolvable.toClass() == Optional.class && resolvable.hasGenerics()) {
			return resolvable.getGeneric(0).getType();
		}
		return type;
	}

	private ObjectNode nullable(ObjectNode node) {
		JsonNode type = node.get("type");
		if (type != null && type.isString()) {
			ArrayNode types = this.jsonMapper.createArrayNode().add(type.stringValue()).add("null");
			node.set("type", types);
			addNullToEnum(node);
			return node;
		}
		if (type != null && type.isArray()) {
			if (!containsNull(type)) {
				((ArrayNode) type).add("null");
			}
			addNullToEnum(node);
			return node;
		}
		ObjectNode wrapper = this.jsonMapper.createObjectNode();
		JsonNode description = node.remove("description");
		if (description != null) {
			wrapper.set("description", description);
		}
		ArrayNode anyOf = wrapper.putArray("anyOf");
		anyOf.add(node);
		anyOf.addObject().put("type", "null");
		return wrapper;
	}

	private static void addNullToEnum(ObjectNode node) {
		JsonNode values = node.get("enum");
		if (values != null && values.isArray() && !containsNullValue(values)) {
			((ArrayNode) values).addNull();
		}
	}

	private static boolean containsNull(JsonNode types) {
		for (JsonNode type : types) {
			if (type.isString() && "null".equals(type.stringValue())) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsNullValue(JsonNode values) {
		for (JsonNode value : values) {
			if (value.isNull()) {
				return true;
			}
		}
		return false;
	}

	private Map<String, Object> finish(ObjectNode schema) {
		if (this.strict) {
			applyStrictRules(schema);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) toJava(schema);
		return map;
	}

	private static void applyStrictRules(JsonNode node) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			JsonNode properties = object.get("properties");
			if (properties != null && properties.isObject()) {
				object.put("additionalProperties", false);
				ArrayNode required = object.putArray("required");
				properties.propertyNames().forEach(required::add);
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				applyStrictRules(child);
			}
		}
	}

	private static @Nullable Object toJava(JsonNode node) {
		if (node.isObject()) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				map.put(entry.getKey(), toJava(entry.getValue()));
			}
			return Collections.unmodifiableMap(map);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(toJava(element));
			}
			return Collections.unmodifiableList(list);
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return null;
	}

	/**
	 * One property of an object schema built by {@link #generateObject(List)}.
	 *
	 * @param name the property name
	 * @param type the property's Java type (generic types allowed)
	 * @param description the description for the model, or {@code null}
	 * @param required whether the property must be present (in the strict variant:
	 * whether it must be non-null)
	 */
	public record Property(String name, Type type, @Nullable String description, boolean required) {

		public Property {
			Assert.hasText(name, "name must not be empty");
			Assert.notNull(type, "type must not be null");
		}

	}

}
