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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallAccumulator;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * Turns the chunks of one stream into Spring AI responses, one per chunk that carries
 * text, reasoning, a finish reason or usage. Tool call fragments are assembled per choice
 * and handed over whole on the choice's finishing chunk, the way Spring AI's OpenAI model
 * aggregates them, so Spring AI's tool calling sees complete calls. The
 * {@code reasoningContent} metadata is each chunk's fragment, and the whole reasoning on
 * the finishing chunk, so Spring AI's {@code MessageAggregator} (last value wins) keeps
 * all of it. Used by one stream, one chunk at a time (Reactor's serial {@code onNext}).
 */
final class StreamConverter {

	private final String provider;

	private final Map<Integer, ToolCallAccumulator> toolCalls = new HashMap<>();

	/** The reasoning of each choice so far, handed over whole on the finishing chunk. */
	private final Map<Integer, StringBuilder> reasoning = new HashMap<>();

	/**
	 * The metadata of the previous chunk, reused while id, model, created and fingerprint
	 * stay the same.
	 */
	private @Nullable ChatResponseMetadata lastMetadata;

	private @Nullable ChatChunk lastMetadataChunk;

	StreamConverter(String provider) {
		this.provider = provider;
	}

	/**
	 * Convert one chunk.
	 * @param chunk the chunk
	 * @return the response, or {@code null} for a chunk that only carries tool call
	 * fragments (or nothing)
	 */
	@Nullable ChatResponse convert(ChatChunk chunk) {
		List<Generation> generations = new ArrayList<>(chunk.choices().size());
		for (ChunkChoice choice : chunk.choices()) {
			for (ToolCallDelta delta : choice.toolCalls()) {
				this.toolCalls.computeIfAbsent(choice.index(), (index) -> new ToolCallAccumulator()).add(delta);
			}
			if (!isEmpty(choice.reasoningContent())) {
				this.reasoning.computeIfAbsent(choice.index(), (index) -> new StringBuilder())
					.append(choice.reasoningContent());
			}
			boolean finished = choice.finishReason() != null;
			if (!finished && isEmpty(choice.content()) && isEmpty(choice.reasoningContent())) {
				continue;
			}
			List<ToolCall> calls = finished ? completedCalls(choice.index()) : List.of();
			String reasoning = finished ? completedReasoning(choice.index()) : choice.reasoningContent();
			generations.add(ResponseConverter.generation(this.provider, chunk.id(), choice.index(), choice.content(),
					reasoning, calls, choice.finishReason()));
		}
		if (generations.isEmpty() && chunk.usage() == null) {
			return null;
		}
		return new ChatResponse(generations, metadata(chunk));
	}

	private ChatResponseMetadata metadata(ChatChunk chunk) {
		ChatChunk last = this.lastMetadataChunk;
		if (this.lastMetadata != null && last != null && chunk.usage() == null && Objects.equals(chunk.id(), last.id())
				&& Objects.equals(chunk.model(), last.model()) && Objects.equals(chunk.created(), last.created())
				&& Objects.equals(chunk.systemFingerprint(), last.systemFingerprint())) {
			return this.lastMetadata;
		}
		ChatResponseMetadata metadata = ResponseConverter.metadata(this.provider, chunk.id(), chunk.model(),
				chunk.created(), chunk.usage(), chunk.systemFingerprint());
		if (chunk.usage() == null) {
			this.lastMetadata = metadata;
			this.lastMetadataChunk = chunk;
		}
		return metadata;
	}

	private @Nullable String completedReasoning(int index) {
		StringBuilder accumulated = this.reasoning.remove(index);
		return (accumulated != null) ? accumulated.toString() : null;
	}

	private List<ToolCall> completedCalls(int index) {
		ToolCallAccumulator accumulator = this.toolCalls.remove(index);
		return (accumulator != null && !accumulator.isEmpty()) ? accumulator.toToolCalls() : List.of();
	}

	private static boolean isEmpty(@Nullable String text) {
		return text == null || text.isEmpty();
	}

}
