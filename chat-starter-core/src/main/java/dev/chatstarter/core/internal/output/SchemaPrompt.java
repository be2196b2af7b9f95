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

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.output.OutputSchema;

/**
 * The instruction text that asks for JSON matching a schema, for providers that cannot
 * take {@code response_format: json_schema}: sent with {@code json_object} mode (whose
 * providers also want the word "JSON" in the prompt, which this text contains) or alone
 * in prompt-only mode. Use the {@linkplain JsonSchemaCache#relaxed relaxed} schema: it is
 * shorter and reads more naturally.
 */
public final class SchemaPrompt {

	private SchemaPrompt() {
	}

	/**
	 * Render the instructions for a schema.
	 * @param schema the output schema
	 * @return the instruction text
	 */
	public static String instructions(OutputSchema schema) {
		Assert.notNull(schema, "schema must not be null");
		return instructions(schema.schema());
	}

	/**
	 * Render the instructions for a schema: "Answer with a JSON object that matches this
	 * JSON schema:", the schema as compact JSON, and a request to reply with the JSON
	 * only.
	 * @param schema the JSON schema
	 * @return the instruction text
	 */
	public static String instructions(Map<String, Object> schema) {
		Assert.notNull(schema, "schema must not be null");
		String kind = kind(schema.get("type"));
		return "Answer with " + kind + " that matches this JSON schema:\n"
				+ JsonMapper.shared().writeValueAsString(schema) + "\n"
				+ "Reply with the JSON only: no Markdown code fence, no text before or after it.";
	}

	private static String kind(@Nullable Object type) {
		if ("object".equals(type)) {
			return "a JSON object";
		}
		if ("array".equals(type)) {
			return "a JSON array";
		}
		return "a JSON value";
	}

}
