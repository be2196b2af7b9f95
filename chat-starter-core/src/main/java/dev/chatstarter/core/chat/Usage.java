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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Token usage reported by the provider. Any count may be missing: relays estimate or drop
 * usage, and streams carry it only when asked. Relay-reported usage is an estimate.
 *
 * @param promptTokens the input tokens
 * @param completionTokens the output tokens
 * @param totalTokens the total tokens
 * @param cachedPromptTokens the cached input tokens
 * ({@code prompt_tokens_details.cached_tokens} or DeepSeek's
 * {@code prompt_cache_hit_tokens})
 * @param reasoningTokens the reasoning tokens
 * ({@code completion_tokens_details.reasoning_tokens})
 * @param extra the other usage fields the provider sent, as plain values
 */
public record Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens, @Nullable Integer totalTokens,
		@Nullable Integer cachedPromptTokens, @Nullable Integer reasoningTokens, Map<String, Object> extra) {

	public Usage {
		extra = Map.copyOf(extra);
	}

	/**
	 * Usage with the three basic counts.
	 * @param promptTokens the input tokens
	 * @param completionTokens the output tokens
	 * @param totalTokens the total tokens
	 * @return the usage
	 */
	public static Usage of(int promptTokens, int completionTokens, int totalTokens) {
		return new Usage(promptTokens, completionTokens, totalTokens, null, null, Map.of());
	}

}
