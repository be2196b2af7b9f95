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

package dev.chatstarter.core.observation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.observation.ChatObservationContext.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultChatObservationConvention} and
 * {@link DefaultToolObservationConvention}.
 */
class DefaultChatObservationConventionTests {

	private static final String SECRET_PROMPT = "my card number is 4111 1111 1111 1111";

	private final DefaultChatObservationConvention convention = new DefaultChatObservationConvention();

	private ChatObservationContext chat(String model) {
		ChatRequest request = new ChatRequest(List.of(ChatMessage.user(SECRET_PROMPT)),
				ChatOptions.builder().model(model).build());
		return new ChatObservationContext(Operation.CHAT, "kuai", "api.kuaiai.app", 443, model, false, request);
	}

	private static Map<String, String> asMap(KeyValues values) {
		return values.stream().collect(java.util.stream.Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
	}

	@Test
	void nameAndContextualNameFollowTheGenAiConventions() {
		assertThat(this.convention.getName()).isEqualTo("gen_ai.client.operation.duration");
		assertThat(this.convention.getContextualName(chat("gpt-4o"))).isEqualTo("chat gpt-4o");
		ChatObservationContext models = new ChatObservationContext(Operation.MODELS, "kuai", "api.kuaiai.app", 443,
				null, false, null);
		assertThat(this.convention.getContextualName(models)).isEqualTo("models");
		ChatObservationContext images = new ChatObservationContext(Operation.IMAGE_GENERATION, "kuai", "api.kuaiai.app",
				443, "dall-e-3", false, null);
		assertThat(this.convention.getContextualName(images)).isEqualTo("image_generation dall-e-3");
	}

	@Test
	void lowCardinalityTagsBeforeAnAnswer() {
		assertThat(asMap(this.convention.getLowCardinalityKeyValues(chat("gpt-4o"))))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "kuai", "gen_ai.request.model",
							"gpt-4o", "server.address", "api.kuaiai.app", "server.port", "443", "error.type", "none"));
	}

	@Test
	void lowCardinalityTagsAfterAnAnswerAndAFailure() {
		ChatObservationContext context = chat("gpt-4o");
		context.setResponseModel("gpt-4o-2024-08-06");
		context.setError(new ChatAuthenticationException(ErrorDetails.local("kuai", "Incorrect API key"), null));

		Map<String, String> tags = asMap(this.convention.getLowCardinalityKeyValues(context));

		assertThat(tags).doesNotContainKey("gen_ai.response.model")
			.containsEntry("error.type", "ChatAuthenticationException");
		assertThat(asMap(this.convention.getHighCardinalityKeyValues(context))).containsEntry("gen_ai.response.model",
				"gpt-4o-2024-08-06");
		assertThat(tags.values()).noneMatch((value) -> value.contains("card") || value.contains("API key"));
	}

	@Test
	void missingRequestModelIsNone() {
		ChatObservationContext context = new ChatObservationContext(Operation.CHAT, "kuai", "h", 80, null, true, null);

		assertThat(asMap(this.convention.getLowCardinalityKeyValues(context))).containsEntry("gen_ai.request.model",
				"none");
		assertThat(this.convention.getContextualName(context)).isEqualTo("chat");
	}

	@Test
	void highCardinalityValuesOnlyWhenKnownAndNeverThePrompt() {
		ChatObservationContext context = chat("gpt-4o");
		assertThat(asMap(this.convention.getHighCardinalityKeyValues(context)))
			.containsExactlyEntriesOf(Map.of("gen_ai.response.model", "none"));

		context.setResponseId("chatcmpl-1");
		context.setFinishReason("stop");
		context.setUsage(Usage.of(9, 2, 11));

		Map<String, String> values = asMap(this.convention.getHighCardinalityKeyValues(context));
		assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("gen_ai.response.id", "chatcmpl-1",
				"gen_ai.response.finish_reasons", "stop", "gen_ai.usage.input_tokens", "9",
				"gen_ai.usage.output_tokens", "2", "gen_ai.response.model", "none"));
	}

	@Test
	void requestModelTagKeepsAtMostTheBoundOfDistinctValuesPerProvider() {
		DefaultChatObservationConvention bounded = new DefaultChatObservationConvention(100);
		Set<String> tagged = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			ChatObservationContext context = new ChatObservationContext(Operation.CHAT, "kuai", "api.kuaiai.app", 443,
					"user-model-" + i, false, null);
			tagged.add(asMap(bounded.getLowCardinalityKeyValues(context)).get("gen_ai.request.model"));
			if (i >= 100) {
				assertThat(asMap(bounded.getHighCardinalityKeyValues(context))).as("the span keeps the exact name")
					.containsEntry("gen_ai.request.model", "user-model-" + i);
			}
		}
		assertThat(tagged).hasSize(101).contains("user-model-0", "user-model-99", "_OTHER");
		ChatObservationContext known = chat("user-model-7");
		assertThat(asMap(bounded.getLowCardinalityKeyValues(known))).containsEntry("gen_ai.request.model",
				"user-model-7");
		assertThat(asMap(bounded.getHighCardinalityKeyValues(known))).doesNotContainKey("gen_ai.request.model");
		ChatObservationContext otherProvider = new ChatObservationContext(Operation.CHAT, "relay", "h", 443,
				"user-model-150", false, null);
		assertThat(asMap(bounded.getLowCardinalityKeyValues(otherProvider))).as("counted per provider")
			.containsEntry("gen_ai.request.model", "user-model-150");
	}

	@Test
	void longModelNamesAreCut() {
		ChatObservationContext context = chat("m".repeat(10_000));
		context.setResponseModel("r".repeat(1_000_000));
		assertThat(asMap(this.convention.getLowCardinalityKeyValues(context)).get("gen_ai.request.model")).hasSize(256);
		assertThat(asMap(this.convention.getHighCardinalityKeyValues(context)).get("gen_ai.response.model"))
			.hasSize(256);
	}

	@Test
	void errorTypes() {
		assertThat(ErrorTypes.of(null)).isEqualTo("none");
		assertThat(ErrorTypes.of(new IllegalStateException("boom"))).isEqualTo("IllegalStateException");
		assertThat(ErrorTypes.of(new RuntimeException() {
		})).isEqualTo("_OTHER");
	}

	@Test
	void toolConvention() {
		DefaultToolObservationConvention tools = new DefaultToolObservationConvention();
		ToolObservationContext context = new ToolObservationContext("get_current_weather", "kuai");
		context.setError(new IllegalArgumentException("bad location"));

		assertThat(tools.getName()).isEqualTo("gen_ai.execute_tool.duration");
		assertThat(tools.getContextualName(context)).isEqualTo("execute_tool get_current_weather");
		assertThat(asMap(tools.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name",
					"get_current_weather", "gen_ai.provider.name", "kuai", "error.type", "IllegalArgumentException"));
		assertThat(tools.supportsContext(context)).isTrue();
		assertThat(tools.supportsContext(chat("gpt-4o"))).isFalse();
		assertThat(this.convention.supportsContext(context)).isFalse();
	}

}
