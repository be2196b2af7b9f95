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

package dev.chatstarter.autoconfigure.observation;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.observation.ChatObservationContext;
import dev.chatstarter.core.observation.ChatObservationContext.Operation;
import dev.chatstarter.core.observation.ErrorTypes;

/**
 * Logs the messages and the answers of chat calls at {@code INFO} level, when
 * {@code chat.observations.log-prompts} or {@code chat.observations.log-completions} asks
 * for it. Prompts and answers may contain personal or confidential data, so both are off
 * by default and a warning is logged at startup when either is on. API keys are never
 * part of what is logged: they travel in a header, never in the messages.
 */
public final class ChatObservationLoggingHandler implements ObservationHandler<ChatObservationContext> {

	private static final Log logger = LogFactory.getLog(ChatObservationLoggingHandler.class);

	private final boolean logPrompts;

	private final boolean logCompletions;

	/**
	 * Create a handler.
	 * @param logPrompts whether to log the messages of every chat call
	 * @param logCompletions whether to log the answer of every chat call
	 */
	public ChatObservationLoggingHandler(boolean logPrompts, boolean logCompletions) {
		this.logPrompts = logPrompts;
		this.logCompletions = logCompletions;
	}

	@Override
	public void onStart(ChatObservationContext context) {
		if (this.logCompletions && logger.isInfoEnabled()) {
			context.captureStreamedText();
		}
		ChatRequest request = context.getRequest();
		if (this.logPrompts && request != null && logger.isInfoEnabled()) {
			StringBuilder text = new StringBuilder("Chat prompt to provider '").append(context.getProvider())
				.append("' (")
				.append(valueOrDefault(context.getRequestModel()))
				.append("):");
			for (ChatMessage message : request.messages()) {
				text.append(System.lineSeparator()).append(render(message));
			}
			logger.info(text.toString());
		}
	}

	@Override
	public void onStop(ChatObservationContext context) {
		if (!this.logCompletions || !logger.isInfoEnabled()) {
			return;
		}
		StringBuilder text = new StringBuilder("Chat completion from provider '").append(context.getProvider())
			.append("' (")
			.append(valueOrDefault(context.getResponseModel()))
			.append(")");
		if (context.getError() != null) {
			text.append(" failed: ").append(ErrorTypes.of(context.getError()));
		}
		else {
			String answer = context.getResponseText();
			text.append(": ").append((answer != null) ? answer : "(no text)");
			if (context.getResponse() != null && !context.getResponse().toolCalls().isEmpty()) {
				text.append(" [tool calls: ").append(names(context.getResponse().toolCalls())).append("]");
			}
		}
		logger.info(text.toString());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext chat && chat.getOperation() == Operation.CHAT;
	}

	private static String render(ChatMessage message) {
		StringBuilder line = new StringBuilder(message.role().wireName()).append(": ");
		String text = message.text();
		line.append((text != null) ? text : "");
		if (message.hasToolCalls()) {
			line.append("[tool calls: ").append(names(message.toolCalls())).append("]");
		}
		return line.toString();
	}

	private static String names(List<ToolCall> calls) {
		return String.join(", ", calls.stream().map(ToolCall::name).toList());
	}

	private static String valueOrDefault(@Nullable String model) {
		return (model != null) ? model : "default model";
	}

}
