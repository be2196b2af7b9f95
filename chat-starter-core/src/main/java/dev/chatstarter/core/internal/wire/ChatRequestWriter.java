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

package dev.chatstarter.core.internal.wire;

import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.provider.ProviderDialect;

/**
 * Writes a {@link ChatRequest} as an OpenAI {@code /chat/completions} body in a
 * provider's dialect. Unset options are left out, never written as {@code null}; the
 * extra body is merged last, so it can override any field.
 */
public final class ChatRequestWriter {

	private final JsonMapper jsonMapper;

	private final ProviderDialect dialect;

	/**
	 * Create a writer.
	 * @param jsonMapper the mapper that serialises the body
	 * @param dialect the provider's dialect switches
	 */
	public ChatRequestWriter(JsonMapper jsonMapper, ProviderDialect dialect) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		Assert.notNull(dialect, "dialect must not be null");
		this.jsonMapper = jsonMapper;
		this.dialect = dialect;
	}

	/**
	 * Write the request body.
	 * @param request the request
	 * @param stream whether to ask for a stream
	 * @return the JSON body
	 */
	public byte[] write(ChatRequest request, boolean stream) {
		return this.jsonMapper.writeValueAsBytes(toJson(request, stream));
	}

	/**
	 * Build the request body as a tree.
	 * @param request the request
	 * @param stream whether to ask for a stream
	 * @return the JSON tree
	 */
	public ObjectNode toJson(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		ObjectNode body = this.jsonMapper.createObjectNode();
		putIfSet(body, "model", options.model());
		ArrayNode messages = body.putArray("messages");
		for (ChatMessage message : request.messages()) {
			messages.add(writeMessage(message));
		}
		writeSampling(body, options);
		writeTools(body, options);
		if (options.responseFormat() != null) {
			body.set("response_format", writeResponseFormat(options.responseFormat()));
		}
		if (stream) {
			body.put("stream", true);
			if (this.dialect.streamUsage()) {
				body.putObject("stream_options").put("include_usage", true);
			}
		}
		if (options.extraBody() != null) {
			for (Map.Entry<String, Object> entry : options.extraBody().entrySet()) {
				body.set(entry.getKey(), this.jsonMapper.valueToTree(entry.getValue()));
			}
		}
		return body;
	}

	private void writeSampling(ObjectNode body, ChatOptions options) {
		putIfSet(body, "temperature", options.temperature());
		putIfSet(body, "top_p", options.topP());
		putIfSet(body, "n", options.n());
		List<String> stop = options.stop();
		if (stop != null && stop.size() == 1) {
			body.put("stop", stop.get(0));
		}
		else if (stop != null && !stop.isEmpty()) {
			ArrayNode array = body.putArray("stop");
			stop.forEach(array::add);
		}
		if (options.maxTokens() != null) {
			body.put(this.dialect.maxTokensField().wireName(), options.maxTokens());
		}
		putIfSet(body, "max_completion_tokens", options.maxCompletionTokens());
		putIfSet(body, "presence_penalty", options.presencePenalty());
		putIfSet(body, "frequency_penalty", options.frequencyPenalty());
		if (options.logitBias() != null && !options.logitBias().isEmpty()) {
			ObjectNode bias = body.putObject("logit_bias");
			options.logitBias().forEach(bias::put);
		}
		putIfSet(body, "user", options.user());
		if (options.seed() != null) {
			body.put("seed", options.seed());
		}
		if (options.logprobs() != null) {
			body.put("logprobs", options.logprobs());
		}
		putIfSet(body, "top_logprobs", options.topLogprobs());
		putIfSet(body, "reasoning_effort", options.reasoningEffort());
	}

	private void writeTools(ObjectNode body, ChatOptions options) {
		List<ToolDefinition> tools = options.tools();
		if (tools == null || tools.isEmpty()) {
			return;
		}
		ArrayNode array = body.putArray("tools");
		for (ToolDefinition tool : tools) {
			ObjectNode function = array.addObject().put("type", "function").putObject("function");
			function.put("name", tool.name());
			putIfSet(function, "description", tool.description());
			function.set("parameters", this.jsonMapper.valueToTree(tool.parameters()));
			if (tool.strict() != null) {
				function.put("strict", tool.strict());
			}
		}
		ToolChoice toolChoice = options.toolChoice();
		if (toolChoice != null) {
			if (toolChoice.mode() == ToolChoice.Mode.FUNCTION) {
				body.putObject("tool_choice")
					.put("type", "function")
					.putObject("function")
					.put("name", toolChoice.functionName());
			}
			else {
				body.put("tool_choice", toolChoice.mode().name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		if (options.parallelToolCalls() != null && this.dialect.parallelToolCalls()) {
			body.put("parallel_tool_calls", options.parallelToolCalls());
		}
	}

	private ObjectNode writeResponseFormat(ResponseFormat format) {
		ObjectNode node = this.jsonMapper.createObjectNode().put("type", format.type().wireName());
		if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
			ObjectNode schema = node.putObject("json_schema");
			schema.put("name", format.schemaName());
			schema.set("schema", this.jsonMapper.valueToTree(format.schema()));
			if (format.strict() != null) {
				schema.put("strict", format.strict());
			}
		}
		return node;
	}

	private ObjectNode writeMessage(ChatMessage message) {
		ObjectNode node = this.jsonMapper.createObjectNode();
		Role role = (message.role() == Role.DEVELOPER && !this.dialect.developerRole()) ? Role.SYSTEM : message.role();
		node.put("role", role.wireName());
		writeContent(node, message);
		putIfSet(node, "name", message.name());
		if (message.hasToolCalls()) {
			ArrayNode calls = node.putArray("tool_calls");
			for (ToolCall call : message.toolCalls()) {
				ObjectNode callNode = calls.addObject().put("id", call.id()).put("type", "function");
				callNode.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
		}
		putIfSet(node, "tool_call_id", message.toolCallId());
		if (role == Role.ASSISTANT && this.dialect.echoReasoningContent() && message.reasoningContent() != null) {
			node.put("reasoning_content", message.reasoningContent());
		}
		return node;
	}

	private void writeContent(ObjectNode node, ChatMessage message) {
		List<ContentPart> parts = message.content();
		if (parts.isEmpty()) {
			if (!message.hasToolCalls()) {
				node.put("content", "");
				return;
			}
			switch (this.dialect.assistantToolCallContent()) {
				case NULL -> node.putNull("content");
				case EMPTY -> node.put("content", "");
				case OMIT -> {
				}
			}
			return;
		}
		if (parts.size() == 1 && parts.get(0) instanceof TextPart text) {
			node.put("content", text.text());
			return;
		}
		ArrayNode array = node.putArray("content");
		for (ContentPart part : parts) {
			if (part instanceof TextPart text) {
				array.addObject().put("type", "text").put("text", text.text());
			}
			else if (part instanceof ImagePart image) {
				ObjectNode imageUrl = array.addObject().put("type", "image_url").putObject("image_url");
				imageUrl.put("url", image.url());
				putIfSet(imageUrl, "detail", image.detail());
			}
		}
	}

	private static void putIfSet(ObjectNode node, String field, @org.jspecify.annotations.Nullable Object value) {
		if (value instanceof String text) {
			node.put(field, text);
		}
		else if (value instanceof Integer number) {
			node.put(field, number);
		}
		else if (value instanceof Double number) {
			node.put(field, number);
		}
	}

}
