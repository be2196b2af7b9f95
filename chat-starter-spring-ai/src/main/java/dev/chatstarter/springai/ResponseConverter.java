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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;

/**
 * Turns chat-starter's answers into Spring AI's: one {@link Generation} per choice, its
 * {@link AssistantMessage} with the text, the tool calls and metadata ({@code provider},
 * {@code id}, {@code index}, {@code finishReason}, {@code reasoningContent}); the
 * response metadata with id, model, usage and {@code provider}. Finish reasons are
 * upper-cased ({@code STOP}, {@code TOOL_CALLS}, {@code LENGTH}), as Spring AI's OpenAI
 * model reports them.
 */
final class ResponseConverter {

	/**
	 * The metadata key of the provider that answered (after a fallback, not necessarily
	 * the one asked).
	 */
	static final String PROVIDER = "provider";

	/** The metadata key of the reasoning text, as Spring AI's OpenAI model names it. */
	static final String REASONING_CONTENT = "reasoningContent";

	private ResponseConverter() {
	}

	/**
	 * Convert a complete answer.
	 * @param response the chat-starter response
	 * @return the answer mapped to Spring AI's {@link ChatResponse}
	 */
	static ChatResponse toSpringAi(dev.chatstarter.core.chat.ChatResponse response) {
		List<Generation> generations = new ArrayList<>(response.choices().size());
		for (Choice choice : response.choices()) {
			generations.add(generation(response.provider(), response.id(), choice.index(), choice.message().text(),
					choice.message().reasoningContent(), choice.message().toolCalls(), choice.finishReason()));
		}
		return new ChatResponse(generations, metadata(response.provider(), response.id(), response.model(),
				response.created(), response.usage(), response.systemFingerprint()));
	}

	/**
	 * Build one generation.
	 * @param provider the name of the provider that answered
	 * @param id the response id, or {@code null} if the provider sent none
	 * @param index the index of the choice
	 * @param text the text of the choice, or {@code null} for none
	 * @param reasoning the reasoning content of the choice, or {@code null} for none
	 * @param toolCalls the tool calls of the choice, possibly empty
	 * @param finishReason the provider's finish reason, or {@code null} while a stream
	 * goes on
	 * @return the generation, with an assistant message carrying the provider, id, index,
	 * finish reason and reasoning in its metadata
	 */
	static Generation generation(String provider, @Nullable String id, int index, @Nullable String text,
			@Nullable String reasoning, List<ToolCall> toolCalls, @Nullable String finishReason) {
		String reason = finishReason(finishReason);
		AssistantMessage message = AssistantMessage.builder()
			.content((text != null) ? text : "")
			.properties(properties(provider, id, index, reason, reasoning))
			.toolCalls(toolCalls.isEmpty() ? List.of() : toolCalls(toolCalls))
			.build();
		ChatGenerationMetadata metadata = (reason != null)
				? ChatGenerationMetadata.builder().finishReason(reason).build() : ChatGenerationMetadata.NULL;
		return new Generation(message, metadata);
	}

	/**
	 * The message's metadata; a stream's middle chunks (no finish reason, no reasoning)
	 * take the cheap path, since Spring AI copies the map into a message of its own
	 * anyway.
	 * @param provider the name of the provider that answered
	 * @param id the response id, or {@code null} if the provider sent none
	 * @param index the index of the choice
	 * @param finishReason the finish reason, already in Spring AI's upper case, or
	 * {@code null} while a stream goes on
	 * @param reasoning the reasoning content of the choice, or {@code null} for none
	 * @return the metadata of the assistant message
	 */
	private static Map<String, Object> properties(String provider, @Nullable String id, int index,
			@Nullable String finishReason, @Nullable String reasoning) {
		if (finishReason == null && reasoning == null) {
			return (id != null) ? Map.of(PROVIDER, provider, "id", id, "index", index)
					: Map.of(PROVIDER, provider, "index", index);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(PROVIDER, provider);
		putIfSet(properties, "id", id);
		properties.put("index", index);
		putIfSet(properties, "finishReason", finishReason);
		putIfSet(properties, REASONING_CONTENT, reasoning);
		return properties;
	}

	private static List<AssistantMessage.ToolCall> toolCalls(List<ToolCall> toolCalls) {
		List<AssistantMessage.ToolCall> calls = new ArrayList<>(toolCalls.size());
		for (ToolCall call : toolCalls) {
			calls.add(new AssistantMessage.ToolCall(call.id(), "function", call.name(), call.arguments()));
		}
		return calls;
	}

	/**
	 * Build the response metadata.
	 * @param provider the name of the provider that answered
	 * @param id the response id, or {@code null} if the provider sent none
	 * @param model the model that answered, or {@code null} if the provider did not say
	 * @param created the creation time in seconds since the epoch, or {@code null}
	 * @param usage the token usage, or {@code null} if the provider reported none
	 * @param systemFingerprint the provider's system fingerprint, or {@code null}
	 * @return the metadata of Spring AI's {@link ChatResponse}
	 */
	static ChatResponseMetadata metadata(String provider, @Nullable String id, @Nullable String model,
			@Nullable Long created, @Nullable Usage usage, @Nullable String systemFingerprint) {
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.id((id != null) ? id : "")
			.model((model != null) ? model : "")
			.usage(usage(usage))
			.keyValue(PROVIDER, provider);
		if (created != null) {
			metadata.keyValue("created", created);
		}
		if (systemFingerprint != null) {
			metadata.keyValue("systemFingerprint", systemFingerprint);
		}
		return metadata.build();
	}

	private static org.springframework.ai.chat.metadata.Usage usage(@Nullable Usage usage) {
		if (usage == null) {
			return new EmptyUsage();
		}
		Long cached = (usage.cachedPromptTokens() != null) ? usage.cachedPromptTokens().longValue() : null;
		return new DefaultUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage, cached,
				null);
	}

	private static @Nullable String finishReason(@Nullable String reason) {
		return (reason != null) ? reason.toUpperCase(Locale.ROOT) : null;
	}

	private static void putIfSet(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
