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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonSchemaSampler}.
 */
class JsonSchemaSamplerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode sample(String schema) {
		return JSON.readTree(JSON.writeValueAsString(JsonSchemaSampler.sample(JSON.readTree(schema))));
	}

	@Test
	void nestedObjectsArraysAndEnums() {
		JsonNode value = sample(
				"""
						{"type":"object","properties":{
						  "name":{"type":"string"},
						  "score":{"type":"number","minimum":2.5},
						  "count":{"type":"integer","exclusiveMinimum":3,"maximum":10},
						  "level":{"type":"string","enum":["low","high"]},
						  "kind":{"const":"fixed"},
						  "owner":{"type":"object","properties":{"email":{"type":"string","format":"email"}}},
						  "items":{"type":"array","minItems":2,"items":{"type":"object","properties":{"id":{"type":"integer"}}}},
						  "note":{"type":["null","string"],"maxLength":3}}}""");

		assertThat(value).isEqualTo(JSON.readTree("""
				{"name":"demo name","score":2.5,"count":4,"level":"low","kind":"fixed",
				 "owner":{"email":"demo@example.invalid"},"items":[{"id":1},{"id":1}],"note":"dem"}"""));
	}

	@Test
	void referencesAndAlternatives() {
		JsonNode value = sample("""
				{"type":"object","properties":{
				  "step":{"$ref":"#/$defs/step"},
				  "maybe":{"anyOf":[{"type":"null"},{"type":"boolean"}]}},
				 "$defs":{"step":{"type":"object","properties":{"output":{"type":"string"}}}}}""");

		assertThat(value).isEqualTo(JSON.readTree("{\"step\":{\"output\":\"demo output\"},\"maybe\":true}"));
	}

	@Test
	void recursiveSchemasStop() {
		JsonNode value = sample(
				"""
						{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"child":{"$ref":"#/$defs/node"}}}}}""");

		assertThat(value.path("child").path("child").isObject()).isTrue();
	}

}
