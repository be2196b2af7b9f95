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

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.util.ReflectionUtils;

/**
 * The OpenAI-flavoured options of any Spring AI {@link ChatOptions}: read from
 * {@link ChatStarterChatOptions} directly, or from another options class's getters of the
 * same names ({@code getSeed()}, {@code getN()}, ... as Spring AI's
 * {@code OpenAiChatOptions} has them), found once per class. A getter that is missing or
 * returns another type leaves the option unset.
 *
 * @param n how many choices
 * @param seed the sampling seed
 * @param user the end-user identifier
 * @param logprobs whether to return log probabilities
 * @param topLogprobs alternatives per token
 * @param logitBias token biases
 * @param reasoningEffort the reasoning effort, lower case
 * @param maxCompletionTokens the output token limit including reasoning
 * @param parallelToolCalls whether several tools may be called in one turn
 * @param toolChoice the tool choice as text
 * @param extraBody provider-specific body fields
 */
record FlavouredOptions(@Nullable Integer n, @Nullable Long seed, @Nullable String user, @Nullable Boolean logprobs,
		@Nullable Integer topLogprobs, @Nullable Map<String, Integer> logitBias, @Nullable String reasoningEffort,
		@Nullable Integer maxCompletionTokens, @Nullable Boolean parallelToolCalls, @Nullable String toolChoice,
		@Nullable Map<String, Object> extraBody) {

	private static final FlavouredOptions NONE = new FlavouredOptions(null, null, null, null, null, null, null, null,
			null, null, null);

	private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			Map<String, Method> getters = new HashMap<>();
			for (String name : List.of("getN", "getSeed", "getUser", "getLogprobs", "getTopLogprobs", "getLogitBias",
					"getReasoningEffort", "getMaxCompletionTokens", "getParallelToolCalls", "getToolChoice",
					"getExtraBody")) {
				Method method = ReflectionUtils.findMethod(type, name);
				if (method != null) {
					ReflectionUtils.makeAccessible(method);
					getters.put(name, method);
				}
			}
			return Map.copyOf(getters);
		}
	};

	/**
	 * Read the OpenAI-flavoured options of any options object.
	 * @param options the options
	 * @return what they set
	 */
	@SuppressWarnings("unchecked")
	static FlavouredOptions of(ChatOptions options) {
		if (options instanceof ChatStarterChatOptions ours) {
			return new FlavouredOptions(ours.getN(), ours.getSeed(), ours.getUser(), ours.getLogprobs(),
					ours.getTopLogprobs(), ours.getLogitBias(), ours.getReasoningEffort(),
					ours.getMaxCompletionTokens(), ours.getParallelToolCalls(), ours.getToolChoice(),
					ours.getExtraBody());
		}
		Map<String, Method> getters = GETTERS.get(options.getClass());
		if (getters.isEmpty()) {
			return NONE;
		}
		return new FlavouredOptions(read(options, getters, "getN", Integer.class),
				longValue(read(options, getters, "getSeed", Number.class)),
				read(options, getters, "getUser", String.class), read(options, getters, "getLogprobs", Boolean.class),
				read(options, getters, "getTopLogprobs", Integer.class),
				(Map<String, Integer>) read(options, getters, "getLogitBias", Map.class),
				lowerCase(read(options, getters, "getReasoningEffort", String.class)),
				read(options, getters, "getMaxCompletionTokens", Integer.class),
				read(options, getters, "getParallelToolCalls", Boolean.class),
				read(options, getters, "getToolChoice", String.class),
				(Map<String, Object>) read(options, getters, "getExtraBody", Map.class));
	}

	private static @Nullable Long longValue(@Nullable Number number) {
		return (number != null) ? number.longValue() : null;
	}

	private static @Nullable String lowerCase(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	private static <T> @Nullable T read(Object target, Map<String, Method> getters, String name, Class<T> type) {
		Method getter = getters.get(name);
		Object value = (getter != null) ? ReflectionUtils.invokeMethod(getter, target) : null;
		return type.isInstance(value) ? type.cast(value) : null;
	}

}
