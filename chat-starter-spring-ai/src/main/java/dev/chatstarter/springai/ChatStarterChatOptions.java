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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.DefaultChatOptionsBuilder;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Spring AI {@link ChatOptions} for a chat-starter provider: Spring AI's portable options
 * and tool callbacks, plus the OpenAI chat options chat-starter sends ({@code n},
 * {@code seed}, {@code user}, {@code logprobs}, {@code logit_bias},
 * {@code reasoning_effort}, {@code max_completion_tokens}, {@code parallel_tool_calls},
 * {@code tool_choice}, provider-specific body fields) and a structured-output schema.
 * Unset options are not sent, and the provider's configured defaults
 * ({@code chat.providers.<name>.*}) apply to them.
 *
 * <pre class="code">
 * chatClient.prompt("...").options(ChatStarterChatOptions.builder().seed(7L).reasoningEffort("low")).call();
 * </pre>
 */
public final class ChatStarterChatOptions extends DefaultToolCallingChatOptions implements StructuredOutputChatOptions {

	private final Extras extras;

	private ChatStarterChatOptions(@Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext, @Nullable String model, @Nullable Double frequencyPenalty,
			@Nullable Integer maxTokens, @Nullable Double presencePenalty, @Nullable List<String> stopSequences,
			@Nullable Double temperature, @Nullable Integer topK, @Nullable Double topP, Extras extras) {
		super(toolCallbacks, toolContext, model, frequencyPenalty, maxTokens, presencePenalty, stopSequences,
				temperature, topK, topP);
		this.extras = extras.copy();
	}

	/**
	 * Start building options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return how many choices to generate.
	 * @return {@code n}, or {@code null} when unset
	 */
	public @Nullable Integer getN() {
		return this.extras.n;
	}

	/**
	 * Return the sampling seed.
	 * @return the seed, or {@code null} when unset
	 */
	public @Nullable Long getSeed() {
		return this.extras.seed;
	}

	/**
	 * Return the end-user identifier sent for abuse monitoring.
	 * @return the user, or {@code null} when unset
	 */
	public @Nullable String getUser() {
		return this.extras.user;
	}

	/**
	 * Return whether token log probabilities are requested.
	 * @return the flag, or {@code null} when unset
	 */
	public @Nullable Boolean getLogprobs() {
		return this.extras.logprobs;
	}

	/**
	 * Return how many alternatives per token are requested with log probabilities.
	 * @return the count, or {@code null} when unset
	 */
	public @Nullable Integer getTopLogprobs() {
		return this.extras.topLogprobs;
	}

	/**
	 * Return the token biases.
	 * @return token id to bias (-100 to 100), or {@code null} when unset
	 */
	public @Nullable Map<String, Integer> getLogitBias() {
		return this.extras.logitBias;
	}

	/**
	 * Return the reasoning effort.
	 * @return {@code low}, {@code medium} or {@code high}, or {@code null} when unset
	 */
	public @Nullable String getReasoningEffort() {
		return this.extras.reasoningEffort;
	}

	/**
	 * Return the output token limit including reasoning ({@code max_completion_tokens}).
	 * @return the limit, or {@code null} when unset
	 */
	public @Nullable Integer getMaxCompletionTokens() {
		return this.extras.maxCompletionTokens;
	}

	/**
	 * Return whether the model may call several tools in one turn.
	 * @return the flag, or {@code null} when unset
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.extras.parallelToolCalls;
	}

	/**
	 * Return the tool choice.
	 * @return {@code auto}, {@code none}, {@code required} or a function name, or
	 * {@code null} when unset
	 */
	public @Nullable String getToolChoice() {
		return this.extras.toolChoice;
	}

	/**
	 * Return the provider-specific top-level fields merged into the request body.
	 * @return the fields, or {@code null} when unset
	 */
	public @Nullable Map<String, Object> getExtraBody() {
		return this.extras.extraBody;
	}

	@Override
	public @Nullable String getOutputSchema() {
		return this.extras.outputSchema;
	}

	@Override
	public Builder mutate() {
		Builder builder = builder().model(getModel())
			.frequencyPenalty(getFrequencyPenalty())
			.maxTokens(getMaxTokens())
			.presencePenalty(getPresencePenalty())
			.stopSequences(getStopSequences())
			.temperature(getTemperature())
			.topK(getTopK())
			.topP(getTopP())
			.toolCallbacks(getToolCallbacks())
			.toolContext(getToolContext());
		builder.extras = this.extras.copy();
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && this.extras.equals(((ChatStarterChatOptions) other).extras);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.extras);
	}

	/**
	 * The options beyond Spring AI's portable ones, mutable inside a builder only.
	 */
	private static final class Extras {

		@Nullable Integer n;

		@Nullable Long seed;

		@Nullable String user;

		@Nullable Boolean logprobs;

		@Nullable Integer topLogprobs;

		@Nullable Map<String, Integer> logitBias;

		@Nullable String reasoningEffort;

		@Nullable Integer maxCompletionTokens;

		@Nullable Boolean parallelToolCalls;

		@Nullable String toolChoice;

		@Nullable Map<String, Object> extraBody;

		@Nullable String outputSchema;

		Extras copy() {
			Extras copy = new Extras();
			copy.overrideWith(this);
			return copy;
		}

		/**
		 * Copy every option set in {@code other}; the {@code extraBody} maps are merged
		 * key by key.
		 * @param other the options that take precedence over these
		 */
		void overrideWith(Extras other) {
			this.n = (other.n != null) ? other.n : this.n;
			this.seed = (other.seed != null) ? other.seed : this.seed;
			this.user = (other.user != null) ? other.user : this.user;
			this.logprobs = (other.logprobs != null) ? other.logprobs : this.logprobs;
			this.topLogprobs = (other.topLogprobs != null) ? other.topLogprobs : this.topLogprobs;
			this.logitBias = (other.logitBias != null) ? other.logitBias : this.logitBias;
			this.reasoningEffort = (other.reasoningEffort != null) ? other.reasoningEffort : this.reasoningEffort;
			this.maxCompletionTokens = (other.maxCompletionTokens != null) ? other.maxCompletionTokens
					: this.maxCompletionTokens;
			this.parallelToolCalls = (other.parallelToolCalls != null) ? other.parallelToolCalls
					: this.parallelToolCalls;
			this.toolChoice = (other.toolChoice != null) ? other.toolChoice : this.toolChoice;
			this.outputSchema = (other.outputSchema != null) ? other.outputSchema : this.outputSchema;
			if (other.extraBody != null) {
				Map<String, Object> merged = (this.extraBody != null) ? new LinkedHashMap<>(this.extraBody)
						: new LinkedHashMap<>();
				merged.putAll(other.extraBody);
				this.extraBody = Map.copyOf(merged);
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Extras that && Objects.equals(this.n, that.n)
					&& Objects.equals(this.seed, that.seed) && Objects.equals(this.user, that.user)
					&& Objects.equals(this.logprobs, that.logprobs)
					&& Objects.equals(this.topLogprobs, that.topLogprobs)
					&& Objects.equals(this.logitBias, that.logitBias)
					&& Objects.equals(this.reasoningEffort, that.reasoningEffort)
					&& Objects.equals(this.maxCompletionTokens, that.maxCompletionTokens)
					&& Objects.equals(this.parallelToolCalls, that.parallelToolCalls)
					&& Objects.equals(this.toolChoice, that.toolChoice)
					&& Objects.equals(this.extraBody, that.extraBody)
					&& Objects.equals(this.outputSchema, that.outputSchema);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.n, this.seed, this.user, this.logprobs, this.topLogprobs, this.logitBias,
					this.reasoningEffort, this.maxCompletionTokens, this.parallelToolCalls, this.toolChoice,
					this.extraBody, this.outputSchema);
		}

	}

	/**
	 * Builds {@link ChatStarterChatOptions}. {@link #combineWith} lets the other
	 * builder's set options win, as Spring AI's builders do.
	 */
	public static class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private Extras extras = new Extras();

		/**
		 * Create an empty builder; see {@link ChatStarterChatOptions#builder()}.
		 */
		protected Builder() {
		}

		/**
		 * Set how many choices to generate.
		 * @param n the count, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.extras.n = n;
			return this;
		}

		/**
		 * Set the sampling seed.
		 * @param seed the seed, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.extras.seed = seed;
			return this;
		}

		/**
		 * Set the end-user identifier sent for abuse monitoring.
		 * @param user the user, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			this.extras.user = user;
			return this;
		}

		/**
		 * Set whether to return token log probabilities.
		 * @param logprobs the flag, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Boolean logprobs) {
			this.extras.logprobs = logprobs;
			return this;
		}

		/**
		 * Set how many alternatives per token to return with log probabilities.
		 * @param topLogprobs the count, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder topLogprobs(@Nullable Integer topLogprobs) {
			this.extras.topLogprobs = topLogprobs;
			return this;
		}

		/**
		 * Set the token biases.
		 * @param logitBias token id to bias (-100 to 100), or {@code null} to leave it
		 * unset
		 * @return this builder
		 */
		public Builder logitBias(@Nullable Map<String, Integer> logitBias) {
			this.extras.logitBias = (logitBias != null) ? Map.copyOf(logitBias) : null;
			return this;
		}

		/**
		 * Set the reasoning effort.
		 * @param reasoningEffort {@code low}, {@code medium} or {@code high}, or
		 * {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.extras.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Set the output token limit including reasoning ({@code max_completion_tokens}).
		 * @param maxCompletionTokens the limit, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			this.extras.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		/**
		 * Set whether the model may call several tools in one turn.
		 * @param parallelToolCalls the flag, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.extras.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Set the tool choice.
		 * @param toolChoice {@code auto}, {@code none}, {@code required} or a function
		 * name, or {@code null} to leave it unset
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable String toolChoice) {
			this.extras.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Set provider-specific top-level fields merged into the request body, e.g.
		 * {@code enable_thinking}.
		 * @param extraBody the fields, or {@code null} to leave them unset
		 * @return this builder
		 */
		public Builder extraBody(@Nullable Map<String, Object> extraBody) {
			this.extras.extraBody = (extraBody != null) ? Map.copyOf(extraBody) : null;
			return this;
		}

		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			this.extras.outputSchema = outputSchema;
			return this;
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.extras = this.extras.copy();
			return copy;
		}

		/**
		 * Let the options set in {@code other} win. Besides Spring AI's own builders, a
		 * builder of another options class (e.g. {@code OpenAiChatOptions.builder()}
		 * passed to {@code ChatClient...options(...)}) is built and its portable, tool,
		 * structured-output and OpenAI-flavoured options are taken.
		 * @param other the builder whose set options win
		 * @return this builder
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			if (other instanceof DefaultChatOptionsBuilder<?>) {
				super.combineWith(other);
				if (other instanceof Builder that) {
					this.extras.overrideWith(that.extras);
				}
				return this;
			}
			combineWithBuilt(other.clone().build());
			return this;
		}

		private void combineWithBuilt(ChatOptions options) {
			ChatStarterChatOptions.Builder portable = ChatStarterChatOptions.builder()
				.model(options.getModel())
				.frequencyPenalty(options.getFrequencyPenalty())
				.maxTokens(options.getMaxTokens())
				.presencePenalty(options.getPresencePenalty())
				.stopSequences(options.getStopSequences())
				.temperature(options.getTemperature())
				.topK(options.getTopK())
				.topP(options.getTopP());
			if (options instanceof ToolCallingChatOptions tooling) {
				portable.toolCallbacks(tooling.getToolCallbacks()).toolContext(tooling.getToolContext());
			}
			if (options instanceof StructuredOutputChatOptions structured) {
				portable.outputSchema(structured.getOutputSchema());
			}
			FlavouredOptions flavoured = FlavouredOptions.of(options);
			portable.n(flavoured.n())
				.seed(flavoured.seed())
				.user(flavoured.user())
				.logprobs(flavoured.logprobs())
				.topLogprobs(flavoured.topLogprobs())
				.logitBias(flavoured.logitBias())
				.reasoningEffort(flavoured.reasoningEffort())
				.maxCompletionTokens(flavoured.maxCompletionTokens())
				.parallelToolCalls(flavoured.parallelToolCalls())
				.toolChoice(flavoured.toolChoice())
				.extraBody(flavoured.extraBody());
			combineWith(portable);
		}

		@Override
		public ChatStarterChatOptions build() {
			return new ChatStarterChatOptions(this.toolCallbacks, this.toolContext, this.model, this.frequencyPenalty,
					this.maxTokens, this.presencePenalty, this.stopSequences, this.temperature, this.topK, this.topP,
					this.extras);
		}

	}

}
