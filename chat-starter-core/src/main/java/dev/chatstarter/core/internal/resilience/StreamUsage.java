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

package dev.chatstarter.core.internal.resilience;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * What a stream reported of itself while it went by: its last usage and model. One per
 * stream; its chunks arrive one after the other, so plain fields do, read once the stream
 * ended.
 */
final class StreamUsage {

	private volatile @Nullable Usage usage;

	private volatile @Nullable String model;

	/**
	 * Note a chunk's usage and model, when it has them.
	 * @param chunk the chunk
	 */
	void note(ChatChunk chunk) {
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.model() != null) {
			this.model = chunk.model();
		}
	}

	@Nullable Usage usage() {
		return this.usage;
	}

	@Nullable String model() {
		return this.model;
	}

	/**
	 * Return the total tokens of a usage: its total, or its prompt and completion tokens
	 * added up.
	 * @param usage the usage, if any
	 * @return the total, or {@code -1} when the usage does not say
	 */
	static long totalTokens(@Nullable Usage usage) {
		if (usage == null) {
			return -1;
		}
		if (usage.totalTokens() != null) {
			return usage.totalTokens();
		}
		return (usage.promptTokens() != null && usage.completionTokens() != null)
				? usage.promptTokens() + usage.completionTokens() : -1;
	}

}
