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

package dev.chatstarter.core.stream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;

/**
 * Folds the {@link ChatChunk chunks} of one stream into the {@link ChatResponse} a
 * blocking call would have returned.
 *
 * <p>
 * Per choice index, content and reasoning fragments are concatenated, the first role is
 * kept ({@code assistant} when none came), tool calls are assembled by a
 * {@link ToolCallAccumulator}, the last finish reason wins and log probabilities are
 * concatenated. At response level the first id, creation time and system fingerprint win,
 * the last model, the last usage and its cost (providers put usage on the last chunk, on
 * the finish chunk, or cumulatively on every chunk). A blank finish reason, which some
 * providers send on intermediate chunks, counts as none.
 *
 * <p>
 * Adding a chunk costs time proportional to its size only. Not thread-safe: one stream is
 * consumed sequentially.
 */
public final class ChatStreamAggregator {

	private String provider;

	private @Nullable String deployment;

	private final Map<Integer, ChoiceState> choices = new TreeMap<>();

	private @Nullable ChoiceState lastChoice;

	private @Nullable String id;

	private @Nullable String model;

	private @Nullable Long created;

	private @Nullable Usage usage;

	private @Nullable BigDecimal cost;

	private @Nullable String systemFingerprint;

	private boolean finished;

	/**
	 * Create an aggregator for one stream.
	 * @param provider the name of the provider, copied into the response unless the
	 * chunks name the one that streamed them (after a fallback)
	 */
	public ChatStreamAggregator(String provider) {
		Assert.notNull(provider, "provider must not be null");
		this.provider = provider;
	}

	/**
	 * Add the next chunk of the stream.
	 * @param chunk the chunk
	 */
	public void add(ChatChunk chunk) {
		Assert.notNull(chunk, "chunk must not be null");
		if (chunk.provider() != null) {
			this.provider = chunk.provider();
		}
		if (chunk.deployment() != null) {
			this.deployment = chunk.deployment();
		}
		if (this.id == null) {
			this.id = chunk.id();
		}
		if (this.created == null) {
			this.created = chunk.created();
		}
		if (this.systemFingerprint == null) {
			this.systemFingerprint = chunk.systemFingerprint();
		}
		if (chunk.model() != null) {
			this.model = chunk.model();
		}
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.cost() != null) {
			this.cost = chunk.cost();
		}
		for (ChunkChoice choice : chunk.choices()) {
			ChoiceState state = this.lastChoice;
			if (state == null || state.index != choice.index()) {
				state = this.choices.computeIfAbsent(choice.index(), ChoiceState::new);
				this.lastChoice = state;
			}
			if (state.add(choice)) {
				this.finished = true;
			}
		}
	}

	/**
	 * Whether the stream reached a regular end: at least one choice had a finish reason.
	 * A stream that ended without one (even with {@code [DONE]}) was cut and its response
	 * is incomplete.
	 * @return {@code true} once a finish reason was seen
	 */
	public boolean isFinished() {
		return this.finished;
	}

	/**
	 * Build the response from the chunks added so far. Can be called at any time, also
	 * more than once.
	 * @return the response, with its choices sorted by index
	 */
	public ChatResponse toResponse() {
		List<Choice> result = new ArrayList<>(this.choices.size());
		for (ChoiceState state : this.choices.values()) {
			result.add(state.toChoice());
		}
		return new ChatResponse(this.provider, this.id, this.model, this.created, result, this.usage,
				this.systemFingerprint, this.deployment, this.cost);
	}

	/**
	 * The aggregated state of one choice.
	 */
	private static final class ChoiceState {

		private final int index;

		private @Nullable Role role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder reasoning;

		private @Nullable ToolCallAccumulator toolCalls;

		private @Nullable String finishReason;

		private @Nullable List<Logprobs.TokenLogprob> logprobs;

		ChoiceState(int index) {
			this.index = index;
		}

		/**
		 * Add one delta.
		 * @param choice the delta for this choice, from one chunk
		 * @return whether it carried a finish reason
		 */
		boolean add(ChunkChoice choice) {
			if (this.role == null) {
				this.role = choice.role();
			}
			if (choice.content() != null) {
				this.content = append(this.content, choice.content());
			}
			if (choice.reasoningContent() != null) {
				this.reasoning = append(this.reasoning, choice.reasoningContent());
			}
			if (!choice.toolCalls().isEmpty()) {
				if (this.toolCalls == null) {
					this.toolCalls = new ToolCallAccumulator();
				}
				for (ToolCallDelta delta : choice.toolCalls()) {
					this.toolCalls.add(delta);
				}
			}
			if (choice.logprobs() != null) {
				if (this.logprobs == null) {
					this.logprobs = new ArrayList<>();
				}
				this.logprobs.addAll(choice.logprobs().content());
			}
			if (StringUtils.hasText(choice.finishReason())) {
				this.finishReason = choice.finishReason();
				return true;
			}
			return false;
		}

		private static StringBuilder append(@Nullable StringBuilder builder, String fragment) {
			return (builder != null) ? builder.append(fragment)
					: new StringBuilder(Math.max(64, fragment.length())).append(fragment);
		}

		Choice toChoice() {
			List<ToolCall> calls = (this.toolCalls != null) ? this.toolCalls.toToolCalls() : List.of();
			List<ContentPart> parts = List.of();
			// content "" beside tool calls (Ollama) is reported like OpenAI's content
			// null
			if (this.content != null && (this.content.length() > 0 || calls.isEmpty())) {
				parts = List.of(new TextPart(this.content.toString()));
			}
			String reasoningText = (this.reasoning != null && this.reasoning.length() > 0) ? this.reasoning.toString()
					: null;
			// a reply is the assistant's; a TOOL role would also need a tool_call_id
			Role messageRole = (this.role != null && this.role != Role.TOOL) ? this.role : Role.ASSISTANT;
			ChatMessage message = new ChatMessage(messageRole, parts, null, calls, null, reasoningText);
			Logprobs logprobsResult = (this.logprobs != null) ? new Logprobs(this.logprobs) : null;
			return new Choice(this.index, message, this.finishReason, logprobsResult);
		}

	}

}
