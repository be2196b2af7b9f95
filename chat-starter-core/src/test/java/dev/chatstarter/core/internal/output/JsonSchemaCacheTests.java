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

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.output.JsonSchemaGenerator;
import dev.chatstarter.core.output.MathSolution;
import dev.chatstarter.core.output.OutputSchema;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSchemaCacheTests {

	private final JsonSchemaCache cache = new JsonSchemaCache();

	@Test
	void seedMathSolutionRelaxed() {
		OutputSchema schema = this.cache.relaxed(MathSolution.class);
		assertThat(schema.name()).isEqualTo("MathSolution");
		assertThat(schema.strict()).isFalse();
		assertThat(schema.schema()).isEqualTo(json("""
				{
				  "type": "object",
				  "properties": {
				    "steps": {
				      "type": "array",
				      "items": {
				        "type": "object",
				        "properties": {
				          "explanation": {"type": "string"},
				          "output": {"type": "string"}
				        },
				        "required": ["explanation", "output"]
				      }
				    },
				    "final_answer": {"type": "string"}
				  },
				  "required": ["steps", "final_answer"]
				}
				"""));
	}

	@Test
	void seedMathSolutionStrict() {
		OutputSchema schema = this.cache.strict(MathSolution.class);
		assertThat(schema.strict()).isTrue();
		assertThat(schema.schema()).isEqualTo(json("""
				{
				  "type": "object",
				  "properties": {
				    "steps": {
				      "type": "array",
				      "items": {
				        "type": "object",
				        "properties": {
				          "explanation": {"type": "string"},
				          "output": {"type": "string"}
				        },
				        "required": ["explanation", "output"],
				        "additionalProperties": false
				      }
				    },
				    "final_answer": {"type": "string"}
				  },
				  "required": ["steps", "final_answer"],
				  "additionalProperties": false
				}
				"""));
		ResponseFormat format = schema.responseFormat();
		assertThat(format.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
		assertThat(format.schemaName()).isEqualTo("MathSolution");
		assertThat(format.strict()).isTrue();
		assertThat(format.schema()).isEqualTo(schema.schema());
	}

	@Test
	void schemasAreCachedPerTypeAndVariant() {
		assertThat(this.cache.strict(MathSolution.class)).isSameAs(this.cache.strict(MathSolution.class));
		assertThat(this.cache.relaxed(MathSolution.class)).isSameAs(this.cache.relaxed(MathSolution.class));
		assertThat(this.cache.relaxed(MathSolution.class)).isNotSameAs(this.cache.strict(MathSolution.class));
		ParameterizedTypeReference<List<MathSolution.Step>> steps = new ParameterizedTypeReference<>() {
		};
		ParameterizedTypeReference<List<MathSolution.Step>> sameSteps = new ParameterizedTypeReference<>() {
		};
		assertThat(this.cache.relaxed(steps)).isSameAs(this.cache.relaxed(sameSteps));
	}

	@Test
	void schemaIsUnmodifiable() {
		assertThat(this.cache.strict(MathSolution.class).schema()).isUnmodifiable();
	}

	@Test
	void optionalAndNullablePropertiesInBothVariants() {
		Map<String, Object> relaxed = this.cache.relaxed(Person.class).schema();
		assertThat(relaxed.get("required")).isEqualTo(List.of("name"));
		assertThat(properties(relaxed).get("nickname")).isEqualTo(Map.of("type", "string"));
		assertThat(properties(relaxed).get("age")).isEqualTo(Map.of("type", "integer"));
		assertThat(properties(relaxed).get("name")).isEqualTo(Map.of("type", "string", "description", "full name"));

		OutputSchema strict = this.cache.strict(Person.class);
		assertThat(strict.strict()).isTrue();
		assertThat(strict.schema().get("required")).isEqualTo(List.of("name", "nickname", "age"));
		assertThat(properties(strict.schema()).get("nickname")).isEqualTo(Map.of("type", List.of("string", "null")));
		assertThat(properties(strict.schema()).get("age")).isEqualTo(Map.of("type", List.of("integer", "null")));
	}

	@Test
	void mapsAndNonObjectRootsAreNotStrictCompatible() {
		assertThat(this.cache.strict(WithMap.class).strict()).isFalse();
		assertThat(this.cache.strict(WithMap.class).responseFormat().strict()).isNull();
		assertThat(this.cache.strict(new ParameterizedTypeReference<List<MathSolution>>() {
		}).strict()).isFalse();
	}

	@Test
	void recursiveTypesAreReferenced() {
		OutputSchema schema = this.cache.strict(Tree.class);
		assertThat(schema.strict()).isTrue();
		assertThat(properties(schema.schema()).get("children"))
			.isEqualTo(Map.of("type", "array", "items", Map.of("$ref", "#")));
	}

	@Test
	void schemaFollowsTheMapperNamingStrategy() {
		JsonMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		Map<String, Object> schema = new JsonSchemaCache(snake).relaxed(Person.class).schema();
		assertThat(properties(schema)).containsOnlyKeys("name", "nickname", "age");
		Map<String, Object> camel = new JsonSchemaCache(snake).relaxed(Camel.class).schema();
		assertThat(properties(camel)).containsOnlyKeys("first_value");
	}

	@Test
	void namesAreDerivedFromTheType() {
		assertThat(OutputSchema.nameOf(MathSolution.class)).isEqualTo("MathSolution");
		assertThat(OutputSchema.nameOf(MathSolution.Step.class)).isEqualTo("Step");
		assertThat(OutputSchema.nameOf(new ParameterizedTypeReference<List<MathSolution.Step>>() {
		}.getType())).isEqualTo("List_Step");
		assertThat(OutputSchema.nameOf(new ParameterizedTypeReference<Map<String, List<Integer>>>() {
		}.getType())).isEqualTo("Map_String_List_Integer");
		assertThat(OutputSchema.nameOf(MathSolution.Step[].class)).isEqualTo("StepArray");
		String longName = OutputSchema
			.nameOf(ARatherLongTypeNameThatKeepsGoingAndGoingAndGoingUntilItIsLongerThanSixtyFourCharacters.class);
		assertThat(longName).hasSize(64).matches("[a-zA-Z0-9_-]{1,64}");
	}

	@Test
	void generatorWithoutCacheMakesNewSchemas() {
		JsonSchemaGenerator generator = new JsonSchemaGenerator(false);
		assertThat(generator.generate(MathSolution.class)).isEqualTo(this.cache.relaxed(MathSolution.class).schema());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> schema) {
		return (Map<String, Object>) schema.get("properties");
	}

	static Map<String, Object> json(String json) {
		return JsonMapper.shared().readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	record Person(@JsonPropertyDescription("full name") String name, @Nullable String nickname, Optional<Integer> age) {
	}

	record WithMap(Map<String, Integer> counts) {
	}

	record Tree(String label, List<Tree> children) {
	}

	record Camel(String firstValue) {
	}

	record ARatherLongTypeNameThatKeepsGoingAndGoingAndGoingUntilItIsLongerThanSixtyFourCharacters(String value) {
	}

}
