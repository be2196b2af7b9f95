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
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;

/**
 * Turns a LangChain4j {@link ChatRequest} into a {@link ChatTemplate.PromptSpec}: its
 * messages, and its parameters as call options that override the provider's defaults.
 * What chat-starter cannot send (top-k, audio, video, PDF and custom messages) fails with
 * LangChain4j's {@link UnsupportedFeatureException} before anything is sent.
 */
final class LangChain4jRequests {

	/** The parameters schema of a tool that takes no arguments. */
	private static final Map<String, Object> NO_PARAMETERS = Map.of("type", "object", "properties", Map.of());

	private LangChain4jRequests() {
	}

	/**
	 * Prepare a template call for a LangChain4j request.
	 * @param template the provider's template
	 * @param request the request, with the model's default parameters already applied
	 * @return the prompt, ready to be called or streamed
	 */
	static ChatTemplate.PromptSpec prompt(ChatTemplate template, ChatRequest request) {
		return template.prompt().messages(messages(request.messages())).options(options(request.parameters()));
	}

	static List<ChatMessage> messages(List<dev.langchain4j.data.message.ChatMessage> messages) {
		List<ChatMessage> converted = new ArrayList<>(messages.size());
		for (dev.langchain4j.data.message.ChatMessage message : messages) {
			converted.add(message(message));
		}
		return converted;
	}

	static ChatMessage message(dev.langchain4j.data.message.ChatMessage message) {
		if (message instanceof SystemMessage system) {
			return ChatMessage.system(system.text());
		}
		if (message instanceof UserMessage user) {
			return ChatMessage.user(parts(user.contents())).withName(user.name());
		}
		if (message instanceof AiMessage ai) {
			return ChatMessage.assistant(ai.text(), toolCalls(ai.toolExecutionRequests()));
		}
		if (message instanceof ToolExecutionResultMessage result) {
			String id = (result.id() != null) ? result.id() : result.toolName();
			return ChatMessage.tool(id, (result.text() != null) ? result.text() : "");
		}
		throw new UnsupportedFeatureException("chat-starter cannot send a LangChain4j " + message.type()
				+ " message: only system, user, AI and tool execution result messages");
	}

	private static List<ContentPart> parts(List<Content> contents) {
		List<ContentPart> parts = new ArrayList<>(contents.size());
		for (Content content : contents) {
			if (content instanceof TextContent text) {
				parts.add(new TextPart(text.text()));
			}
			else if (content instanceof ImageContent image) {
				parts.add(new ImagePart(imageUrl(image.image()), detail(image.detailLevel())));
			}
			else {
				throw new UnsupportedFeatureException("chat-starter cannot send " + content.type()
						+ " content: a user message holds text and images only");
			}
		}
		return parts;
	}

	private static String imageUrl(Image image) {
		if (image.url() != null) {
			return image.url().toString();
		}
		if (image.base64Data() == null) {
			throw new UnsupportedFeatureException("an image needs a URL or base64 data");
		}
		String mimeType = (image.mimeType() != null) ? image.mimeType() : "image/png";
		return "data:" + mimeType + ";base64," + image.base64Data();
	}

	private static @Nullable String detail(ImageContent.@Nullable DetailLevel level) {
		if (level == null) {
			return null;
		}
		return switch (level) {
			case LOW -> "low";
			case HIGH, ULTRA_HIGH -> "high";
			case AUTO -> "auto";
			case MEDIUM -> null;
		};
	}

	private static List<ToolCall> toolCalls(@Nullable List<ToolExecutionRequest> requests) {
		if (requests == null || requests.isEmpty()) {
			return List.of();
		}
		List<ToolCall> calls = new ArrayList<>(requests.size());
		for (ToolExecutionRequest request : requests) {
			String id = (request.id() != null) ? request.id() : request.name();
			calls.add(new ToolCall(id, request.name(), (request.arguments() != null) ? request.arguments() : "{}"));
		}
		return calls;
	}

	static ChatOptions options(ChatRequestParameters parameters) {
		if (parameters.topK() != null) {
			throw new UnsupportedFeatureException(
					"top-k is not an OpenAI chat parameter: set it as an extra body field of the provider instead");
		}
		ChatOptions.Builder options = ChatOptions.builder()
			.model(parameters.modelName())
			.temperature(parameters.temperature())
			.topP(parameters.topP())
			.frequencyPenalty(parameters.frequencyPenalty())
			.presencePenalty(parameters.presencePenalty())
			.maxTokens(parameters.maxOutputTokens());
		if (parameters.stopSequences() != null && !parameters.stopSequences().isEmpty()) {
			options.stop(parameters.stopSequences());
		}
		List<ToolSpecification> specifications = parameters.toolSpecifications();
		if (specifications != null && !specifications.isEmpty()) {
			options.tools(tools(specifications));
			if (parameters.toolChoice() != null) {
				options.toolChoice(toolChoice(parameters.toolChoice()));
			}
		}
		options.responseFormat(responseFormat(parameters.responseFormat()));
		return options.build();
	}

	private static List<ToolDefinition> tools(List<ToolSpecification> specifications) {
		List<ToolDefinition> tools = new ArrayList<>(specifications.size());
		for (ToolSpecification specification : specifications) {
			boolean strict = Boolean.TRUE.equals(specification.strict());
			Map<String, Object> parameters = (specification.parameters() != null)
					? JsonSchemaElementUtils.toMap(specification.parameters(), strict) : NO_PARAMETERS;
			tools.add(new ToolDefinition(specification.name(), specification.description(), parameters,
					specification.strict()));
		}
		return tools;
	}

	private static ToolChoice toolChoice(dev.langchain4j.model.chat.request.ToolChoice choice) {
		return switch (choice) {
			case AUTO -> ToolChoice.auto();
			case REQUIRED -> ToolChoice.required();
			case NONE -> ToolChoice.none();
		};
	}

	private static @Nullable ResponseFormat responseFormat(
			dev.langchain4j.model.chat.request.@Nullable ResponseFormat format) {
		if (format == null || format.type() != ResponseFormatType.JSON) {
			return null;
		}
		JsonSchema schema = format.jsonSchema();
		if (schema == null || schema.rootElement() == null) {
			return ResponseFormat.jsonObject();
		}
		String name = (schema.name() != null && !schema.name().isBlank()) ? schema.name() : "response";
		return ResponseFormat.jsonSchema(name, JsonSchemaElementUtils.toMap(schema.rootElement(), false));
	}

}
