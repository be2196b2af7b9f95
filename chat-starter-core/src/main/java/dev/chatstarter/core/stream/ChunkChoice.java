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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Role;

/**
 * The delta of one choice in a {@link ChatChunk}.
 *
 * @param index the choice index ({@code 0} when the provider omitted it)
 * @param role the role, usually on the first chunk only
 * @param content the text fragment
 * @param reasoningContent the reasoning fragment ({@code reasoning_content} or
 * {@code reasoning})
 * @param toolCalls the tool call fragments
 * @param finishReason the finish reason, on the last chunk of the choice
 * @param logprobs the log probabilities of this fragment's tokens
 */
public record ChunkChoice(int index, @Nullable Role role, @Nullable String content, @Nullable String reasoningContent,
		List<ToolCallDelta> toolCalls, @Nullable String finishReason, @Nullable Logprobs logprobs) {

	public ChunkChoice {
		toolCalls = List.copyOf(toolCalls);
	}

}
