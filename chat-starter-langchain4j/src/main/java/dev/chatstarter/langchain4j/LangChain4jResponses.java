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

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;

/**
 * Turns a chat-starter {@link dev.chatstarter.core.chat.ChatResponse} into a LangChain4j
 * {@link ChatResponse}: the first choice's text, reasoning and tool calls (as
 * {@link ToolExecutionRequest}s, for LangChain4j to execute), the id, model, token usage
 * and finish reason.
 */
final class LangChain4jResponses {

	private LangChain4jResponses() {
	}

	static ChatResponse response(dev.chatstarter.core.chat.ChatResponse response) {
		ChatMessage message = response.message();
		AiMessage.Builder ai = AiMessage.builder();
		if (message != null) {
			ai.text(message.text()).thinking(message.reasoningContent());
			if (message.hasToolCalls()) {
				ai.toolExecutionRequests(toolExecutionRequests(message.toolCalls()));
			}
		}
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id(response.id())
			.modelName(response.model())
			.tokenUsage(tokenUsage(response.usage()))
			.finishReason(finishReason(response.finishReason()))
			.build();
		return ChatResponse.builder().aiMessage(ai.build()).metadata(metadata).build();
	}

	static List<ToolExecutionRequest> toolExecutionRequests(List<ToolCall> calls) {
		List<ToolExecutionRequest> requests = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			requests.add(toolExecutionRequest(call));
		}
		return requests;
	}

	static ToolExecutionRequest toolExecutionRequest(ToolCall call) {
		return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.arguments()).build();
	}

	static @Nullable TokenUsage tokenUsage(@Nullable Usage usage) {
		if (usage == null) {
			return null;
		}
		return new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
	}

	/**
	 * Map an OpenAI finish reason.
	 * @param finishReason the provider's finish reason
	 * @return the LangChain4j finish reason; {@link FinishReason#OTHER} for one it has no
	 * name for, {@code null} for none
	 */
	static @Nullable FinishReason finishReason(@Nullable String finishReason) {
		if (finishReason == null) {
			return null;
		}
		return switch (finishReason) {
			case "stop" -> FinishReason.STOP;
			case "length" -> FinishReason.LENGTH;
			case "tool_calls", "function_call" -> FinishReason.TOOL_EXECUTION;
			case "content_filter" -> FinishReason.CONTENT_FILTER;
			default -> FinishReason.OTHER;
		};
	}

}
