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

package dev.chatstarter.core.chat;

import org.jspecify.annotations.Nullable;

/**
 * One completion choice of a response.
 *
 * @param index the choice index ({@code n > 1} gives several)
 * @param message the assistant message: text, tool calls and reasoning
 * @param finishReason why the model stopped ({@code stop}, {@code length},
 * {@code tool_calls}, {@code content_filter}, ...), or {@code null} if the provider did
 * not say
 * @param logprobs the token log probabilities, when requested
 */
public record Choice(int index, ChatMessage message, @Nullable String finishReason, @Nullable Logprobs logprobs) {

}
