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

package dev.chatstarter.springai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.util.StringUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;

/**
 * Turns Spring AI {@link ChatOptions} into chat-starter's. Spring AI's portable options
 * map one to one (except {@code topK}, which the OpenAI dialect has not); the
 * OpenAI-flavoured ones come from {@link ChatStarterChatOptions} or, for another
 * provider's options class (e.g. {@code OpenAiChatOptions}), from its getters of the same
 * names. Tool callbacks become tool definitions only: Spring AI's tool-calling machinery
 * runs them.
 */
final class OptionsConverter {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/**
	 * Parsed schemas kept at most; past it the cache starts over (tool sets are small and
	 * stable in practice).
	 */
	private static final int MAX_CACHED_SCHEMAS = 512;

	private final JsonMapper jsonMapper;

	/**
	 * Tool input schemas by their JSON text: Spring AI builds new callbacks for every
	 * {@code tools(...)} call, but their schemas are the same strings, so each is parsed
	 * once.
	 */
	private final Map<String, Map<String, Object>> schemas = new ConcurrentHashMap<>();

	OptionsConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Convert the options of one prompt.
	 * @param options the Spring AI options, or {@code null}
	 * @return the chat-starter options; what is unset stays unset, so the provider's
	 * defaults apply
	 */
	dev.chatstarter.core.chat.ChatOptions toChatStarter(@Nullable ChatOptions options) {
		dev.chatstarter.core.chat.ChatOptions.Builder builder = dev.chatstarter.core.chat.ChatOptions.builder();
		if (options == null) {
			return builder.build();
		}
		builder.model(options.getModel())
			.temperature(options.getTemperature())
			.topP(options.getTopP())
			.maxTokens(options.getMaxTokens())
			.presencePenalty(options.getPresencePenalty())
			.frequencyPenalty(options.getFrequencyPenalty());
		if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
			builder.stop(options.getStopSequences());
		}
		FlavouredOptions flavoured = FlavouredOptions.of(options);
		builder.n(flavoured.n())
			.seed(flavoured.seed())
			.user(flavoured.user())
			.logprobs(flavoured.logprobs())
			.topLogprobs(flavoured.topLogprobs())
			.logitBias(flavoured.logitBias())
			.reasoningEffort(flavoured.reasoningEffort())
			.maxCompletionTokens(flavoured.maxCompletionTokens())
			.parallelToolCalls(flavoured.parallelToolCalls())
			.toolChoice(toolChoice(flavoured.toolChoice()));
		if (flavoured.extraBody() != null && !flavoured.extraBody().isEmpty()) {
			builder.extraBody(flavoured.extraBody());
		}
		if (options instanceof StructuredOutputChatOptions structured
				&& StringUtils.hasText(structured.getOutputSchema())) {
			builder.responseFormat(ResponseFormat.jsonSchema("json_schema",
					this.jsonMapper.readValue(structured.getOutputSchema(), MAP)));
		}
		if (options instanceof ToolCallingChatOptions tooling && tooling.getToolCallbacks() != null
				&& !tooling.getToolCallbacks().isEmpty()) {
			builder.tools(toolDefinitions(tooling.getToolCallbacks()));
		}
		return builder.build();
	}

	private List<ToolDefinition> toolDefinitions(List<ToolCallback> callbacks) {
		List<ToolDefinition> definitions = new ArrayList<>(callbacks.size());
		for (ToolCallback callback : callbacks) {
			org.springframework.ai.tool.definition.ToolDefinition definition = callback.getToolDefinition();
			Map<String, Object> schema = StringUtils.hasText(definition.inputSchema())
					? schema(definition.inputSchema()) : Map.of("type", "object");
			definitions.add(ToolDefinition.of(definition.name(), definition.description(), schema));
		}
		return definitions;
	}

	private Map<String, Object> schema(String json) {
		Map<String, Object> cached = this.schemas.get(json);
		if (cached != null) {
			return cached;
		}
		if (this.schemas.size() >= MAX_CACHED_SCHEMAS) {
			this.schemas.clear();
		}
		Map<String, Object> parsed = Collections.unmodifiableMap(this.jsonMapper.readValue(json, MAP));
		this.schemas.put(json, parsed);
		return parsed;
	}

	/**
	 * Parse a tool choice given as {@code auto}, {@code none}, {@code required}, a
	 * function name, or OpenAI's JSON
	 * ({@code {"type":"function","function":{"name":"..."}}}, as Spring AI's OpenAI
	 * options take it).
	 * @param value the tool choice as given, or {@code null}
	 * @return the tool choice, or {@code null} when none is given
	 * @throws IllegalArgumentException for JSON without a {@code function.name}
	 */
	private @Nullable ToolChoice toolChoice(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.startsWith("{")) {
			JsonNode name = this.jsonMapper.readTree(trimmed).path("function").path("name");
			if (!name.isString() || !StringUtils.hasText(name.asString())) {
				throw new IllegalArgumentException("A JSON tool choice needs function.name: " + trimmed);
			}
			return ToolChoice.function(name.asString());
		}
		return ToolChoice.parse(trimmed);
	}

}
