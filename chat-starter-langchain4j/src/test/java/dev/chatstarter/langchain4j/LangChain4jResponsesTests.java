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

package dev.chatstarter.langchain4j;

import java.util.List;
import java.util.Map;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LangChain4jResponses}.
 */
class LangChain4jResponsesTests {

	@Test
	void finishReasonsMapToLangChain4jsAndUnknownOnesToOther() {
		assertThat(LangChain4jResponses.finishReason("stop")).isEqualTo(FinishReason.STOP);
		assertThat(LangChain4jResponses.finishReason("length")).isEqualTo(FinishReason.LENGTH);
		assertThat(LangChain4jResponses.finishReason("tool_calls")).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(LangChain4jResponses.finishReason("function_call")).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(LangChain4jResponses.finishReason("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
		assertThat(LangChain4jResponses.finishReason("sensitive")).isEqualTo(FinishReason.OTHER);
		assertThat(LangChain4jResponses.finishReason(null)).isNull();
	}

	@Test
	void reasoningBecomesThinkingAndMissingFieldsStayMissing() {
		ChatMessage message = ChatMessage.assistant("42").withReasoningContent("6 times 7");
		dev.chatstarter.core.chat.ChatResponse relayed = new dev.chatstarter.core.chat.ChatResponse("relay", null, null,
				null, List.of(new Choice(0, message, null, null)), null, null);

		ChatResponse response = LangChain4jResponses.response(relayed);

		assertThat(response.aiMessage().text()).isEqualTo("42");
		assertThat(response.aiMessage().thinking()).isEqualTo("6 times 7");
		assertThat(response.id()).isNull();
		assertThat(response.modelName()).isNull();
		assertThat(response.tokenUsage()).isNull();
		assertThat(response.finishReason()).isNull();
	}

	@Test
	void partialUsageKeepsTheCountsThatCame() {
		Usage usage = new Usage(12, null, null, null, null, Map.of());

		assertThat(LangChain4jResponses.tokenUsage(usage).inputTokenCount()).isEqualTo(12);
		assertThat(LangChain4jResponses.tokenUsage(usage).outputTokenCount()).isNull();
	}

}
