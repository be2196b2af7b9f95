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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The log probabilities of a choice's tokens, when requested with {@code logprobs}.
 *
 * @param content one entry per output token
 */
public record Logprobs(List<TokenLogprob> content) {

	public Logprobs {
		content = List.copyOf(content);
	}

	/**
	 * The log probability of one output token, with the most likely alternatives.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes the token's UTF-8 bytes, when sent
	 * @param topLogprobs the most likely tokens at this position
	 */
	public record TokenLogprob(String token, double logprob, @Nullable List<Integer> bytes,
			List<TokenLogprob> topLogprobs) {

		public TokenLogprob {
			topLogprobs = List.copyOf(topLogprobs);
		}

	}

}
