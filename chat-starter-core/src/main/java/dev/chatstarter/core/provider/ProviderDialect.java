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

package dev.chatstarter.core.provider;

import org.springframework.util.Assert;

/**
 * The switches for the known differences between OpenAI-compatible servers. The defaults
 * speak OpenAI's own dialect; change a switch when a provider rejects or needs something.
 *
 * @param maxTokensField which field
 * {@link dev.chatstarter.core.chat.ChatOptions#maxTokens()} is sent as
 * @param streamUsage whether streams ask for usage with {@code stream_options:
 * {"include_usage": true}} (Groq, Mistral and old Azure versions reject the field)
 * @param developerRole whether the {@code developer} role is accepted; when not, it is
 * sent as {@code system} (DeepSeek, Qwen, Zhipu reject it)
 * @param assistantToolCallContent how an assistant message with tool calls and no text
 * carries its content
 * @param parallelToolCalls whether {@code parallel_tool_calls} is accepted (o-series
 * models reject it)
 * @param echoReasoningContent whether assistant messages in the history send their
 * reasoning back as {@code reasoning_content} (DeepSeek thinking mode and Kimi need it;
 * DeepSeek R1 rejects it)
 * @param structuredOutput how structured output is asked for
 */
public record ProviderDialect(MaxTokensField maxTokensField, boolean streamUsage, boolean developerRole,
		AssistantToolCallContent assistantToolCallContent, boolean parallelToolCalls, boolean echoReasoningContent,
		StructuredOutputMode structuredOutput) {

	private static final ProviderDialect OPENAI = new ProviderDialect(MaxTokensField.MAX_TOKENS, true, true,
			AssistantToolCallContent.NULL, true, false, StructuredOutputMode.JSON_SCHEMA);

	public ProviderDialect {
		Assert.notNull(maxTokensField, "maxTokensField must not be null");
		Assert.notNull(assistantToolCallContent, "assistantToolCallContent must not be null");
		Assert.notNull(structuredOutput, "structuredOutput must not be null");
	}

	/**
	 * OpenAI's own dialect, the default.
	 * @return the dialect
	 */
	public static ProviderDialect openAi() {
		return OPENAI;
	}

	/**
	 * Return a builder initialised with this dialect.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Which field carries the output token limit.
	 */
	public enum MaxTokensField {

		/** {@code max_tokens}: understood by nearly every server. */
		MAX_TOKENS("max_tokens"),

		/**
		 * {@code max_completion_tokens}: required by OpenAI o-series and gpt-5 models.
		 */
		MAX_COMPLETION_TOKENS("max_completion_tokens");

		private final String wireName;

		MaxTokensField(String wireName) {
			this.wireName = wireName;
		}

		/**
		 * Return the field name.
		 * @return the wire name
		 */
		public String wireName() {
			return this.wireName;
		}

	}

	/**
	 * How an assistant message that has tool calls but no text carries {@code content}.
	 */
	public enum AssistantToolCallContent {

		/** {@code "content": null} (OpenAI). */
		NULL,

		/** {@code "content": ""} (some DeepSeek deployments). */
		EMPTY,

		/** no {@code content} key at all. */
		OMIT

	}

	/**
	 * How structured output is requested.
	 */
	public enum StructuredOutputMode {

		/** {@code response_format: {"type":"json_schema", ...}}. */
		JSON_SCHEMA,

		/**
		 * {@code response_format: {"type":"json_object"}} plus the schema in the prompt
		 * (DeepSeek, Moonshot).
		 */
		JSON_OBJECT,

		/** The schema in the prompt only. */
		PROMPT

	}

	/**
	 * Builds a {@link ProviderDialect}.
	 */
	public static final class Builder {

		private MaxTokensField maxTokensField;

		private boolean streamUsage;

		private boolean developerRole;

		private AssistantToolCallContent assistantToolCallContent;

		private boolean parallelToolCalls;

		private boolean echoReasoningContent;

		private StructuredOutputMode structuredOutput;

		private Builder(ProviderDialect dialect) {
			this.maxTokensField = dialect.maxTokensField;
			this.streamUsage = dialect.streamUsage;
			this.developerRole = dialect.developerRole;
			this.assistantToolCallContent = dialect.assistantToolCallContent;
			this.parallelToolCalls = dialect.parallelToolCalls;
			this.echoReasoningContent = dialect.echoReasoningContent;
			this.structuredOutput = dialect.structuredOutput;
		}

		/**
		 * Set which field carries the output token limit.
		 * @param maxTokensField the field
		 * @return this builder
		 */
		public Builder maxTokensField(MaxTokensField maxTokensField) {
			this.maxTokensField = maxTokensField;
			return this;
		}

		/**
		 * Set whether streams ask for usage.
		 * @param streamUsage {@code true} to send {@code stream_options.include_usage}
		 * @return this builder
		 */
		public Builder streamUsage(boolean streamUsage) {
			this.streamUsage = streamUsage;
			return this;
		}

		/**
		 * Set whether the {@code developer} role is accepted.
		 * @param developerRole {@code false} to send developer messages as {@code system}
		 * @return this builder
		 */
		public Builder developerRole(boolean developerRole) {
			this.developerRole = developerRole;
			return this;
		}

		/**
		 * Set how tool-call-only assistant messages carry content.
		 * @param assistantToolCallContent the style
		 * @return this builder
		 */
		public Builder assistantToolCallContent(AssistantToolCallContent assistantToolCallContent) {
			this.assistantToolCallContent = assistantToolCallContent;
			return this;
		}

		/**
		 * Set whether {@code parallel_tool_calls} is accepted.
		 * @param parallelToolCalls {@code false} to never send it
		 * @return this builder
		 */
		public Builder parallelToolCalls(boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Set whether assistant history messages echo their reasoning.
		 * @param echoReasoningContent {@code true} to send {@code reasoning_content} back
		 * @return this builder
		 */
		public Builder echoReasoningContent(boolean echoReasoningContent) {
			this.echoReasoningContent = echoReasoningContent;
			return this;
		}

		/**
		 * Set how structured output is requested.
		 * @param structuredOutput the mode
		 * @return this builder
		 */
		public Builder structuredOutput(StructuredOutputMode structuredOutput) {
			this.structuredOutput = structuredOutput;
			return this;
		}

		/**
		 * Build the dialect.
		 * @return the dialect
		 */
		public ProviderDialect build() {
			return new ProviderDialect(this.maxTokensField, this.streamUsage, this.developerRole,
					this.assistantToolCallContent, this.parallelToolCalls, this.echoReasoningContent,
					this.structuredOutput);
		}

	}

}
