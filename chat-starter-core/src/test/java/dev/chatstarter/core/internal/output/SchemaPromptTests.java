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

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.output.MathSolution;
import dev.chatstarter.core.output.OutputSchema;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaPromptTests {

	@Test
	void objectSchemaInstructions() {
		OutputSchema schema = new JsonSchemaCache().relaxed(MathSolution.class);
		String text = SchemaPrompt.instructions(schema);
		assertThat(text).startsWith("Answer with a JSON object that matches this JSON schema:\n{\"type\":\"object\"")
			.contains("\"final_answer\":{\"type\":\"string\"}")
			.endsWith("Reply with the JSON only: no Markdown code fence, no text before or after it.");
		assertThat(text.toLowerCase()).contains("json");
	}

	@Test
	void arrayAndOtherSchemas() {
		assertThat(SchemaPrompt.instructions(Map.of("type", "array", "items", Map.of("type", "string"))))
			.startsWith("Answer with a JSON array that matches");
		assertThat(SchemaPrompt.instructions(Map.of("type", List.of("string", "null"))))
			.startsWith("Answer with a JSON value that matches");
	}

}
