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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The options of a chat completion request. Every option is optional: unset
 * ({@code null}) options are left out of the request body, never sent as {@code null}. A
 * provider's default options are {@linkplain #mergedWith merged} with each call's
 * options, the call's winning.
 *
 * @param model the model id, e.g. {@code gpt-4o}
 * @param temperature the sampling temperature, 0 to 2
 * @param topP nucleus sampling probability mass ({@code top_p})
 * @param n how many choices to generate
 * @param stop up to four stop sequences; one is sent as a string, several as a list
 * @param maxTokens the output token limit, sent as {@code max_tokens} or
 * {@code max_completion_tokens} as the provider's dialect says
 * @param maxCompletionTokens the output token limit including reasoning, always sent as
 * {@code max_completion_tokens}
 * @param presencePenalty the presence penalty, -2 to 2
 * @param frequencyPenalty the frequency penalty, -2 to 2
 * @param logitBias token id to bias, -100 to 100
 * @param user an end-user identifier for abuse monitoring
 * @param seed the sampling seed
 * @param logprobs whether to return token log probabilities
 * @param topLogprobs how many alternatives per token to return with {@code logprobs}
 * @param reasoningEffort the reasoning effort: {@code low}, {@code medium} or
 * {@code high}
 * @param responseFormat the response format: text, JSON mode or a JSON schema
 * @param tools the functions the model may call
 * @param toolChoice which tool the model must or may call
 * @param parallelToolCalls whether the model may call several tools in one turn (sent
 * only with tools)
 * @param extraBody provider-specific top-level fields merged into the request body
 */
public record ChatOptions(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer n, @Nullable List<String> stop, @Nullable Integer maxTokens,
		@Nullable Integer maxCompletionTokens, @Nullable Double presencePenalty, @Nullable Double frequencyPenalty,
		@Nullable Map<String, Integer> logitBias, @Nullable String user, @Nullable Long seed,
		@Nullable Boolean logprobs, @Nullable Integer topLogprobs, @Nullable String reasoningEffort,
		@Nullable ResponseFormat responseFormat, @Nullable List<ToolDefinition> tools, @Nullable ToolChoice toolChoice,
		@Nullable Boolean parallelToolCalls, @Nullable Map<String, Object> extraBody) {

	private static final ChatOptions EMPTY = builder().build();

	public ChatOptions {
		stop = (stop != null) ? List.copyOf(stop) : null;
		logitBias = (logitBias != null) ? Map.copyOf(logitBias) : null;
		tools = (tools != null) ? List.copyOf(tools) : null;
		extraBody = (extraBody != null) ? unmodifiableCopy(extraBody) : null;
	}

	/**
	 * Options with nothing set.
	 * @return the empty options
	 */
	public static ChatOptions empty() {
		return EMPTY;
	}

	/**
	 * Start building options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder initialised with these options.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder().from(this);
	}

	/**
	 * Merge these options (the defaults) with overrides: every option set in
	 * {@code overrides} wins; the {@code extraBody} maps are merged key by key.
	 * @param overrides the options of one call
	 * @return the merged options
	 */
	public ChatOptions mergedWith(ChatOptions overrides) {
		Builder builder = mutate().from(overrides);
		if (this.extraBody != null && overrides.extraBody != null) {
			Map<String, Object> merged = new LinkedHashMap<>(this.extraBody);
			merged.putAll(overrides.extraBody);
			builder.extraBody(merged);
		}
		return builder.build();
	}

	/**
	 * Move these options from one set of defaults onto another, as a fallback provider
	 * does with a request that was merged with the first provider's defaults: every
	 * option still equal to its value in {@code from} is replaced by the one in
	 * {@code to}, every option the caller changed is kept, and the model is {@code to}'s
	 * own when it has one. Maps ({@code logitBias}, {@code extraBody}) are moved key by
	 * key the same way.
	 * @param from the defaults these options were merged with
	 * @param to the defaults to move onto
	 * @return the rebased options
	 */
	public ChatOptions rebased(ChatOptions from, ChatOptions to) {
		return new ChatOptions((to.model != null) ? to.model : this.model,
				rebase(this.temperature, from.temperature, to.temperature), rebase(this.topP, from.topP, to.topP),
				rebase(this.n, from.n, to.n), rebase(this.stop, from.stop, to.stop),
				rebase(this.maxTokens, from.maxTokens, to.maxTokens),
				rebase(this.maxCompletionTokens, from.maxCompletionTokens, to.maxCompletionTokens),
				rebase(this.presencePenalty, from.presencePenalty, to.presencePenalty),
				rebase(this.frequencyPenalty, from.frequencyPenalty, to.frequencyPenalty),
				rebaseMap(this.logitBias, from.logitBias, to.logitBias), rebase(this.user, from.user, to.user),
				rebase(this.seed, from.seed, to.seed), rebase(this.logprobs, from.logprobs, to.logprobs),
				rebase(this.topLogprobs, from.topLogprobs, to.topLogprobs),
				rebase(this.reasoningEffort, from.reasoningEffort, to.reasoningEffort),
				rebase(this.responseFormat, from.responseFormat, to.responseFormat),
				rebase(this.tools, from.tools, to.tools), rebase(this.toolChoice, from.toolChoice, to.toolChoice),
				rebase(this.parallelToolCalls, from.parallelToolCalls, to.parallelToolCalls),
				rebaseMap(this.extraBody, from.extraBody, to.extraBody));
	}

	private static <T> @Nullable T rebase(@Nullable T value, @Nullable T from, @Nullable T to) {
		return Objects.equals(value, from) ? to : value;
	}

	private static <V> @Nullable Map<String, V> rebaseMap(@Nullable Map<String, V> value, @Nullable Map<String, V> from,
			@Nullable Map<String, V> to) {
		if (Objects.equals(value, from)) {
			return to;
		}
		if (value == null || to == null) {
			return value;
		}
		Map<String, V> rebased = new LinkedHashMap<>(to);
		Map<String, V> defaults = (from != null) ? from : Map.of();
		value.forEach((key, entry) -> {
			if (!Objects.equals(entry, defaults.get(key))) {
				rebased.put(key, entry);
			}
		});
		return rebased;
	}

	private static Map<String, Object> unmodifiableCopy(Map<String, Object> map) {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Builds {@link ChatOptions}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer n;

		private @Nullable List<String> stop;

		private @Nullable Integer maxTokens;

		private @Nullable Integer maxCompletionTokens;

		private @Nullable Double presencePenalty;

		private @Nullable Double frequencyPenalty;

		private @Nullable Map<String, Integer> logitBias;

		private @Nullable String user;

		private @Nullable Long seed;

		private @Nullable Boolean logprobs;

		private @Nullable Integer topLogprobs;

		private @Nullable String reasoningEffort;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable List<ToolDefinition> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable Map<String, Object> extraBody;

		private Builder() {
		}

		/**
		 * Copy every option that is set in {@code options} into this builder.
		 * @param options the options to copy
		 * @return this builder
		 */
		public Builder from(ChatOptions options) {
			if (options.model != null) {
				this.model = options.model;
			}
			if (options.temperature != null) {
				this.temperature = options.temperature;
			}
			if (options.topP != null) {
				this.topP = options.topP;
			}
			if (options.n != null) {
				this.n = options.n;
			}
			if (options.stop != null) {
				this.stop = options.stop;
			}
			if (options.maxTokens != null) {
				this.maxTokens = options.maxTokens;
			}
			if (options.maxCompletionTokens != null) {
				this.maxCompletionTokens = options.maxCompletionTokens;
			}
			if (options.presencePenalty != null) {
				this.presencePenalty = options.presencePenalty;
			}
			if (options.frequencyPenalty != null) {
				this.frequencyPenalty = options.frequencyPenalty;
			}
			if (options.logitBias != null) {
				this.logitBias = options.logitBias;
			}
			if (options.user != null) {
				this.user = options.user;
			}
			if (options.seed != null) {
				this.seed = options.seed;
			}
			if (options.logprobs != null) {
				this.logprobs = options.logprobs;
			}
			if (options.topLogprobs != null) {
				this.topLogprobs = options.topLogprobs;
			}
			if (options.reasoningEffort != null) {
				this.reasoningEffort = options.reasoningEffort;
			}
			if (options.responseFormat != null) {
				this.responseFormat = options.responseFormat;
			}
			if (options.tools != null) {
				this.tools = options.tools;
			}
			if (options.toolChoice != null) {
				this.toolChoice = options.toolChoice;
			}
			if (options.parallelToolCalls != null) {
				this.parallelToolCalls = options.parallelToolCalls;
			}
			if (options.extraBody != null) {
				this.extraBody = options.extraBody;
			}
			return this;
		}

		/**
		 * Set the model id, e.g. {@code gpt-4o}.
		 * @param model the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the sampling temperature, 0 to 2.
		 * @param temperature the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Set nucleus sampling probability mass ({@code top_p}).
		 * @param topP the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Set how many choices to generate.
		 * @param n the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Set up to four stop sequences; one is sent as a string, several as a list.
		 * @param stop the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		/**
		 * Set the stop sequences.
		 * @param stop up to four stop sequences
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			this.stop = Arrays.asList(stop);
			return this;
		}

		/**
		 * Set the output token limit, sent as {@code max_tokens} or
		 * {@code max_completion_tokens} as the provider's dialect says.
		 * @param maxTokens the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Set the output token limit including reasoning, always sent as
		 * {@code max_completion_tokens}.
		 * @param maxCompletionTokens the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		/**
		 * Set the presence penalty, -2 to 2.
		 * @param presencePenalty the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		/**
		 * Set the frequency penalty, -2 to 2.
		 * @param frequencyPenalty the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		/**
		 * Set token id to bias, -100 to 100.
		 * @param logitBias the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder logitBias(@Nullable Map<String, Integer> logitBias) {
			this.logitBias = logitBias;
			return this;
		}

		/**
		 * Set an end-user identifier for abuse monitoring.
		 * @param user the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		/**
		 * Set the sampling seed.
		 * @param seed the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Set whether to return token log probabilities.
		 * @param logprobs the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Boolean logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		/**
		 * Set how many alternatives per token to return with {@code logprobs}.
		 * @param topLogprobs the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder topLogprobs(@Nullable Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
			return this;
		}

		/**
		 * Set the reasoning effort: {@code low}, {@code medium} or {@code high}.
		 * @param reasoningEffort the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Set the response format: text, JSON mode or a JSON schema.
		 * @param responseFormat the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Set the functions the model may call.
		 * @param tools the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder tools(@Nullable List<ToolDefinition> tools) {
			this.tools = tools;
			return this;
		}

		/**
		 * Set the functions the model may call.
		 * @param tools the tool definitions
		 * @return this builder
		 */
		public Builder tools(ToolDefinition... tools) {
			this.tools = Arrays.asList(tools);
			return this;
		}

		/**
		 * Set which tool the model must or may call.
		 * @param toolChoice the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Set whether the model may call several tools in one turn (sent only with
		 * tools).
		 * @param parallelToolCalls the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Set provider-specific top-level fields merged into the request body.
		 * @param extraBody the value, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder extraBody(@Nullable Map<String, Object> extraBody) {
			this.extraBody = extraBody;
			return this;
		}

		/**
		 * Add one provider-specific top-level field to the request body.
		 * @param name the field name, e.g. {@code enable_thinking}
		 * @param value the value
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			Map<String, Object> map = (this.extraBody != null) ? new LinkedHashMap<>(this.extraBody)
					: new LinkedHashMap<>();
			map.put(name, value);
			this.extraBody = map;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public ChatOptions build() {
			return new ChatOptions(this.model, this.temperature, this.topP, this.n, this.stop, this.maxTokens,
					this.maxCompletionTokens, this.presencePenalty, this.frequencyPenalty, this.logitBias, this.user,
					this.seed, this.logprobs, this.topLogprobs, this.reasoningEffort, this.responseFormat, this.tools,
					this.toolChoice, this.parallelToolCalls, this.extraBody);
		}

	}

}
