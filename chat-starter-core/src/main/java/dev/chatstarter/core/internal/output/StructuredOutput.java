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
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.provider.ProviderDialect;

/**
 * Structured output of one provider: asks for a type the way the provider's dialect
 * supports (a strict JSON schema, a JSON object plus instructions, or instructions alone)
 * and parses the answer into that type.
 */
public final class StructuredOutput {

	private final String provider;

	private final ProviderDialect.StructuredOutputMode mode;

	private final JsonSchemaCache schemaCache;

	private final EntityParser entityParser;

	/**
	 * Create the structured output of a provider.
	 * @param provider the provider name, for errors
	 * @param mode how the provider asks for structured output
	 * @param jsonMapper the mapper that writes schemas and parses answers
	 */
	public StructuredOutput(String provider, ProviderDialect.StructuredOutputMode mode, JsonMapper jsonMapper) {
		this.provider = provider;
		this.mode = mode;
		this.schemaCache = new JsonSchemaCache(jsonMapper);
		this.entityParser = new EntityParser(jsonMapper);
	}

	/**
	 * Turn a request into one that asks for structured output of a type.
	 * @param request the request
	 * @param type the type to answer with
	 * @return the request
	 */
	public ChatRequest request(ChatRequest request, Type type) {
		ChatOptions.Builder options = request.options().mutate();
		List<ChatMessage> messages = request.messages();
		switch (this.mode) {
			case JSON_SCHEMA -> options.responseFormat(this.schemaCache.strict(type).responseFormat());
			case JSON_OBJECT -> {
				options.responseFormat(ResponseFormat.jsonObject());
				messages = withInstructions(messages, SchemaPrompt.instructions(this.schemaCache.relaxed(type)));
			}
			case PROMPT ->
				messages = withInstructions(messages, SchemaPrompt.instructions(this.schemaCache.relaxed(type)));
		}
		return new ChatRequest(messages, options.build());
	}

	/**
	 * Parse a structured answer.
	 * @param response the response
	 * @param type the type to answer with
	 * @return the parsed answer
	 */
	public Object read(ChatResponse response, Type type) {
		return this.entityParser.parse(this.provider, response.content(), type);
	}

	private static List<ChatMessage> withInstructions(List<ChatMessage> messages, String instructions) {
		List<ChatMessage> withInstructions = new ArrayList<>(messages.size() + 1);
		withInstructions.add(ChatMessage.system(instructions));
		withInstructions.addAll(messages);
		return withInstructions;
	}

}
