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

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ToolSchemaGeneratorTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ToolSchemaGenerator generator = new ToolSchemaGenerator();

	@Test
	void eachMethodIsDescribedOnce() {
		Map<String, Object> first = this.generator.generate(method(WeatherTools.class, "currentWeather"));
		assertThat(this.generator.generate(method(WeatherTools.class, "currentWeather"))).isSameAs(first);
		assertThat(new ToolSchemaGenerator().generate(method(WeatherTools.class, "currentWeather"))).isNotSameAs(first)
			.isEqualTo(first);
	}

	@Test
	void seedWeatherToolHasTheSeedParameterSchema() {
		// the "parameters" object of seed 000's tools example, verbatim
		String seed = """
				{
				  "type": "object",
				  "properties": {
				    "location": {
				      "type": "string",
				      "description": "城市名称"
				    },
				    "unit": {
				      "type": "string",
				      "enum": ["celsius", "fahrenheit"]
				    }
				  },
				  "required": ["location"]
				}
				""";
		Map<String, Object> schema = this.generator.generate(method(WeatherTools.class, "currentWeather"));
		assertThat(schema).isEqualTo(json(seed));
	}

	@Test
	void optionalParameterKindsAreNotRequired() {
		Map<String, Object> schema = this.generator.generate(method(OptionalTools.class, "find"));
		assertThat(schema.get("required")).isEqualTo(List.of("query"));
		assertThat(properties(schema)).containsOnlyKeys("query", "limit", "unit", "since", "exact");
		assertThat(properties(schema).get("limit")).isEqualTo(Map.of("type", "integer"));
		assertThat(properties(schema).get("unit"))
			.isEqualTo(Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")));
		assertThat(properties(schema).get("since")).isEqualTo(Map.of("type", "string", "format", "date"));
	}

	@Test
	void primitivesWrappersAndStrings() {
		Map<String, Object> schema = this.generator.generate(method(PrimitiveTools.class, "primitives"));
		assertThat(properties(schema)).isEqualTo(json("""
				{"count":{"type":"integer"},"ratio":{"type":"number"},"flag":{"type":"boolean"},
				 "boxed":{"type":"integer"},"big":{"type":"integer"},"text":{"type":"string"}}
				"""));
		assertThat(schema.get("required")).isEqualTo(List.of("count", "ratio", "flag", "boxed", "big", "text"));
	}

	@Test
	void enumsUseTheNamesJacksonUses() {
		Map<String, Object> schema = this.generator.generate(method(EnumTools.class, "paint"));
		assertThat(properties(schema).get("plain"))
			.isEqualTo(Map.of("type", "string", "enum", List.of("RED", "GREEN")));
		assertThat(properties(schema).get("valued"))
			.isEqualTo(Map.of("type", "string", "enum", List.of("small", "large")));
	}

	@Test
	void nestedRecordsListsSetsArraysAndMaps() {
		Map<String, Object> schema = this.generator.generate(method(OrderTools.class, "placeOrder"));
		assertThat(schema).isEqualTo(json("""
				{
				  "type": "object",
				  "properties": {
				    "order": {
				      "type": "object",
				      "properties": {
				        "customer": {"type": "string", "description": "who orders"},
				        "lines": {
				          "type": "array",
				          "items": {
				            "type": "object",
				            "properties": {
				              "sku": {"type": "string", "description": "stock keeping unit"},
				              "quantity": {"type": "integer"},
				              "note": {"type": "string"}
				            },
				            "required": ["sku", "quantity"]
				          }
				        },
				        "tags": {"type": "array", "items": {"type": "string"}},
				        "priorities": {"type": "array", "items": {"type": "integer"}},
				        "attributes": {"type": "object", "additionalProperties": {"type": "number"}},
				        "coupon": {"type": "string"}
				      },
				      "required": ["customer", "lines", "tags", "priorities", "attributes"]
				    },
				    "dryRun": {"type": "boolean", "description": "only validate"}
				  },
				  "required": ["order", "dryRun"]
				}
				"""));
	}

	@Test
	void toolParamOnNestedFieldsAndGetters() {
		Map<String, Object> schema = this.generator.generate(method(OrderTools.class, "ship"));
		assertThat(properties(schema).get("address")).isEqualTo(json("""
				{"type":"object",
				 "properties":{"street":{"type":"string","description":"street and number"},
				               "floor":{"type":"integer","description":"leave out for the ground floor"},
				               "city":{"type":"string","description":"the city"}},
				 "required":["street","city"]}
				"""));
	}

	@Test
	void javaTimeTypesAreStringsWithFormats() {
		Map<String, Object> schema = this.generator.generate(method(TimeTools.class, "schedule"));
		assertThat(properties(schema)).isEqualTo(json("""
				{"day":{"type":"string","format":"date"},"at":{"type":"string","format":"date-time"},
				 "offset":{"type":"string","format":"date-time"},"local":{"type":"string"},
				 "length":{"type":"string","format":"duration"}}
				"""));
	}

	@Test
	void typeUsedTwiceIsReferencedThroughDefs() {
		Map<String, Object> schema = this.generator.generate(method(OrderTools.class, "compare"));
		assertThat(properties(schema).get("first")).isEqualTo(Map.of("$ref", "#/$defs/Line"));
		assertThat(properties(schema).get("second"))
			.isEqualTo(Map.of("$ref", "#/$defs/Line", "description", "the other"));
		assertThat(schema).containsKey("$defs");
		assertThat(schema.get("$defs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("Line");
	}

	@Test
	void toolContextParametersAreNotPartOfTheSchema() {
		Map<String, Object> schema = this.generator.generate(method(ContextTools.class, "whoAmI"));
		assertThat(schema).isEqualTo(json("""
				{"type":"object","properties":{"greeting":{"type":"string"}},"required":["greeting"]}
				"""));
	}

	@Test
	void noParametersGiveAnEmptyObject() {
		Map<String, Object> schema = this.generator.generate(method(ContextTools.class, "now"));
		assertThat(schema).isEqualTo(Map.of("type", "object", "properties", Map.of()));
	}

	@Test
	void strictSchemasRequireEverythingAndMakeOptionalsNullable() {
		ToolSchemaGenerator strict = new ToolSchemaGenerator(JSON, true);
		Map<String, Object> schema = strict.generate(method(WeatherTools.class, "currentWeather"));
		assertThat(schema).isEqualTo(json("""
				{
				  "type": "object",
				  "properties": {
				    "location": {"type": "string", "description": "城市名称"},
				    "unit": {"type": ["string", "null"], "enum": ["celsius", "fahrenheit", null]}
				  },
				  "required": ["location", "unit"],
				  "additionalProperties": false
				}
				"""));
	}

	@Test
	void schemaIsUnmodifiable() {
		Map<String, Object> schema = this.generator.generate(method(WeatherTools.class, "currentWeather"));
		assertThat(schema).isUnmodifiable();
		assertThat(properties(schema)).isUnmodifiable();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> properties(Map<String, Object> schema) {
		return (Map<String, Object>) schema.get("properties");
	}

	static Map<String, Object> json(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	static Method method(Class<?> type, String name) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

	static class OptionalTools {

		@ChatTool
		String find(String query, Optional<Integer> limit, WeatherTools.@Nullable Unit unit,
				@ToolParam(required = false) LocalDate since, @ToolParam(required = false) boolean exact) {
			return query;
		}

	}

	static class PrimitiveTools {

		@ChatTool
		String primitives(int count, double ratio, boolean flag, Long boxed, java.math.BigInteger big, String text) {
			return text;
		}

	}

	static class EnumTools {

		@ChatTool
		String paint(Color plain, Size valued) {
			return plain + " " + valued;
		}

		enum Color {

			RED, GREEN

		}

		enum Size {

			SMALL("small"), LARGE("large");

			private final String value;

			Size(String value) {
				this.value = value;
			}

			@JsonValue
			String value() {
				return this.value;
			}

		}

	}

	static class OrderTools {

		@ChatTool
		String placeOrder(Order order, @ToolParam(description = "only validate") boolean dryRun) {
			return order.customer();
		}

		@ChatTool
		String compare(Line first, @ToolParam(description = "the other") Line second) {
			return first.sku() + second.sku();
		}

		@ChatTool
		String ship(Address address) {
			return address.getCity();
		}

		public static class Address {

			@ToolParam(description = "street and number")
			public String street = "";

			@ToolParam(description = "leave out for the ground floor", required = false)
			public int floor;

			private String city = "";

			@ToolParam(description = "the city")
			public String getCity() {
				return this.city;
			}

			public void setCity(String city) {
				this.city = city;
			}

		}

		record Order(@ToolParam(description = "who orders") String customer, List<Line> lines, Set<String> tags,
				int[] priorities, Map<String, Double> attributes, Optional<String> coupon) {
		}

		record Line(@ToolParam(description = "stock keeping unit") String sku, int quantity, @Nullable String note) {
		}

	}

	static class TimeTools {

		@ChatTool
		String schedule(LocalDate day, Instant at, OffsetDateTime offset, LocalDateTime local, Duration length) {
			return day.toString();
		}

	}

	static class ContextTools {

		@ChatTool
		String whoAmI(ToolContext context, String greeting) {
			return greeting + " " + context.get("user");
		}

		@ChatTool
		String now() {
			return "now";
		}

	}

}
