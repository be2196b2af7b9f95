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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * Reads {@code chat.completion} and {@code chat.completion.chunk} JSON into the public
 * model, tolerating what real providers do: missing {@code id}, {@code object},
 * {@code model} or {@code usage}, unknown fields, {@code content: null}, content as an
 * array of parts, {@code reasoning_content} or {@code reasoning}, tool call arguments as
 * an object instead of a string, legacy {@code function_call}, and a full {@code message}
 * where a {@code delta} was expected.
 */
public final class ChatCompletionReader {

	private static final Set<String> BASIC_USAGE_FIELDS = Set.of("prompt_tokens", "completion_tokens", "total_tokens");

	private final JsonMapper jsonMapper;

	private final PlainCompletionParser plainParser;

	/**
	 * Create a reader.
	 * @param jsonMapper the mapper used to turn nested values into plain Java values
	 */
	public ChatCompletionReader(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.jsonMapper = jsonMapper;
		this.plainParser = new PlainCompletionParser(jsonMapper, this);
	}

	/**
	 * Read a complete chat completion.
	 * @param provider the provider name to record in the response
	 * @param root the parsed body
	 * @return the response; its choices are empty when the body had none
	 */
	public ChatResponse readResponse(String provider, JsonNode root) {
		List<Choice> choices = new ArrayList<>();
		JsonNode choicesNode = JsonNodes.array(root, "choices");
		if (choicesNode != null) {
			int position = 0;
			for (JsonNode choice : choicesNode) {
				Integer index = JsonNodes.integer(choice, "index");
				JsonNode message = JsonNodes.object(choice, "message");
				if (message == null) {
					message = JsonNodes.object(choice, "delta");
				}
				choices.add(new Choice((index != null) ? index : position, readMessage(message),
						JsonNodes.text(choice, "finish_reason"), readLogprobs(JsonNodes.object(choice, "logprobs"))));
				position++;
			}
		}
		return new ChatResponse(provider, JsonNodes.text(root, "id"), JsonNodes.text(root, "model"),
				JsonNodes.longValue(root, "created"), choices, readUsage(JsonNodes.object(root, "usage")),
				JsonNodes.text(root, "system_fingerprint"));
	}

	/**
	 * Read one streamed chunk.
	 * @param provider the provider name to record in the chunk
	 * @param root the parsed event data
	 * @return the chunk
	 */
	public ChatChunk readChunk(String provider, JsonNode root) {
		List<ChunkChoice> choices = new ArrayList<>();
		JsonNode choicesNode = JsonNodes.array(root, "choices");
		if (choicesNode != null) {
			int position = 0;
			for (JsonNode choice : choicesNode) {
				choices.add(readChunkChoice(choice, position++));
			}
		}
		return new ChatChunk(JsonNodes.text(root, "id"), JsonNodes.text(root, "model"),
				JsonNodes.longValue(root, "created"), choices, readUsage(JsonNodes.object(root, "usage")),
				JsonNodes.text(root, "system_fingerprint"), provider);
	}

	/**
	 * Read one streamed chunk straight from its JSON bytes, without building a tree, when
	 * it is a plain chunk: an object with choices and no {@code error} field, which
	 * therefore cannot be an error in disguise. The result equals what
	 * {@link #readChunk(String, JsonNode)} returns for the same text.
	 * @param provider the provider name to record in the chunk
	 * @param json the event data, UTF-8
	 * @return the chunk, or {@code null} when the text must take the general path: parsed
	 * as a tree, checked for errors, then read with {@link #readChunk(String, JsonNode)}
	 */
	public @Nullable ChatChunk readPlainChunk(String provider, byte[] json) {
		return this.plainParser.parseChunk(provider, json);
	}

	/**
	 * Read a complete chat completion straight from its JSON, without building a tree,
	 * when it is a plain answer: an object with choices and no {@code error} field, which
	 * therefore cannot be an error in disguise. The result equals what
	 * {@link #readResponse(String, JsonNode)} returns for the same JSON.
	 * @param provider the provider name to record in the response
	 * @param json the answer's body
	 * @return the response, or {@code null} when the body must take the general path:
	 * parsed as a tree, checked for errors, then read with
	 * {@link #readResponse(String, JsonNode)}
	 */
	public @Nullable ChatResponse readPlainResponse(String provider, byte[] json) {
		return this.plainParser.parseResponse(provider, json);
	}

	private ChunkChoice readChunkChoice(JsonNode choice, int position) {
		Integer index = JsonNodes.integer(choice, "index");
		JsonNode delta = JsonNodes.object(choice, "delta");
		if (delta == null) {
			delta = JsonNodes.object(choice, "message");
		}
		String role = JsonNodes.text(delta, "role");
		List<ToolCallDelta> toolCalls = new ArrayList<>();
		JsonNode calls = JsonNodes.array(delta, "tool_calls");
		if (calls != null) {
			addToolCallDeltas(calls, toolCalls);
		}
		JsonNode functionCall = JsonNodes.object(delta, "function_call");
		if (functionCall != null) {
			toolCalls.add(functionCallDelta(functionCall));
		}
		return new ChunkChoice((index != null) ? index : position, (role != null) ? Role.fromWireName(role) : null,
				contentText(delta), reasoning(delta), toolCalls, JsonNodes.text(choice, "finish_reason"),
				readLogprobs(JsonNodes.object(choice, "logprobs")));
	}

	static void addToolCallDeltas(JsonNode calls, List<ToolCallDelta> toolCalls) {
		for (JsonNode call : calls) {
			JsonNode function = JsonNodes.object(call, "function");
			toolCalls.add(new ToolCallDelta(JsonNodes.integer(call, "index"), JsonNodes.text(call, "id"),
					JsonNodes.text(function, "name"), arguments(function)));
		}
	}

	static ToolCallDelta functionCallDelta(JsonNode functionCall) {
		return new ToolCallDelta(0, null, JsonNodes.text(functionCall, "name"), arguments(functionCall));
	}

	private ChatMessage readMessage(@Nullable JsonNode message) {
		String text = contentText(message);
		List<ContentPart> content = (text != null) ? List.of(new TextPart(text)) : List.of();
		return new ChatMessage(Role.ASSISTANT, content, JsonNodes.text(message, "name"),
				toolCalls(JsonNodes.array(message, "tool_calls"), JsonNodes.object(message, "function_call")), null,
				reasoning(message));
	}

	/**
	 * Read the tool calls of a message: its {@code tool_calls} array and its legacy
	 * {@code function_call}.
	 * @param calls the {@code tool_calls} array, or {@code null} when missing
	 * @param functionCall the {@code function_call} object, or {@code null} when missing
	 * @return the tool calls, empty when the message has none
	 */
	static List<ToolCall> toolCalls(@Nullable JsonNode calls, @Nullable JsonNode functionCall) {
		if (calls == null && functionCall == null) {
			return List.of();
		}
		List<ToolCall> toolCalls = new ArrayList<>();
		if (calls != null) {
			int position = 0;
			for (JsonNode call : calls) {
				JsonNode function = JsonNodes.object(call, "function");
				String id = JsonNodes.text(call, "id");
				String arguments = arguments(function);
				toolCalls.add(new ToolCall((id != null) ? id : "call_" + position,
						String.valueOf(JsonNodes.text(function, "name")), (arguments != null) ? arguments : "{}"));
				position++;
			}
		}
		if (functionCall != null) {
			String arguments = arguments(functionCall);
			toolCalls.add(new ToolCall("function_call", String.valueOf(JsonNodes.text(functionCall, "name")),
					(arguments != null) ? arguments : "{}"));
		}
		return toolCalls;
	}

	private static @Nullable String contentText(@Nullable JsonNode message) {
		JsonNode content = (message != null) ? message.get("content") : null;
		if (content == null || content.isNull()) {
			return null;
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			for (JsonNode part : content) {
				String partText = part.isString() ? part.asString() : JsonNodes.text(part, "text");
				if (partText != null) {
					text.append(partText);
				}
			}
			return text.toString();
		}
		return JsonNodes.text(content);
	}

	private static @Nullable String reasoning(@Nullable JsonNode message) {
		String reasoning = JsonNodes.text(message, "reasoning_content");
		return (reasoning != null) ? reasoning : JsonNodes.text(message, "reasoning");
	}

	private static @Nullable String arguments(@Nullable JsonNode function) {
		JsonNode arguments = (function != null) ? function.get("arguments") : null;
		if (arguments == null || arguments.isNull()) {
			return null;
		}
		return arguments.isContainer() ? arguments.toString() : arguments.asString();
	}

	@Nullable Usage readUsage(@Nullable JsonNode usage) {
		if (usage == null) {
			return null;
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : usage.properties()) {
			if (!BASIC_USAGE_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
				extra.put(field.getKey(), toPlainValue(field.getValue()));
			}
		}
		return usage(JsonNodes.integer(usage, "prompt_tokens"), JsonNodes.integer(usage, "completion_tokens"),
				JsonNodes.integer(usage, "total_tokens"), usage.get("prompt_tokens_details"),
				usage.get("prompt_cache_hit_tokens"), usage.get("completion_tokens_details"), extra);
	}

	/**
	 * Assemble the usage from its fields: the three counts, the values of the fields that
	 * carry the cached and the reasoning tokens, and every other non-null field as a
	 * plain value.
	 * @param prompt the {@code prompt_tokens} count
	 * @param completion the {@code completion_tokens} count
	 * @param total the {@code total_tokens} count
	 * @param promptDetails the {@code prompt_tokens_details} value, which may hold
	 * {@code cached_tokens}
	 * @param cacheHit the {@code prompt_cache_hit_tokens} value, the cached tokens when
	 * the details do not say
	 * @param completionDetails the {@code completion_tokens_details} value, which may
	 * hold {@code reasoning_tokens}
	 * @param extra every other non-null field, as plain values
	 * @return the usage
	 */
	static Usage usage(@Nullable Integer prompt, @Nullable Integer completion, @Nullable Integer total,
			@Nullable JsonNode promptDetails, @Nullable JsonNode cacheHit, @Nullable JsonNode completionDetails,
			Map<String, Object> extra) {
		Integer cached = (promptDetails != null && promptDetails.isObject())
				? JsonNodes.integer(promptDetails, "cached_tokens") : null;
		if (cached == null && cacheHit != null && cacheHit.isNumber()) {
			cached = cacheHit.asInt();
		}
		Integer reasoning = (completionDetails != null && completionDetails.isObject())
				? JsonNodes.integer(completionDetails, "reasoning_tokens") : null;
		return new Usage(prompt, completion, total, cached, reasoning, extra);
	}

	/**
	 * Convert a nested value to plain Java values (maps, lists, strings, numbers,
	 * booleans).
	 * @param value the value to convert
	 * @return the value as maps, lists, strings, numbers and booleans
	 */
	Object toPlainValue(JsonNode value) {
		return this.jsonMapper.convertValue(value, Object.class);
	}

	static @Nullable Logprobs readLogprobs(@Nullable JsonNode logprobs) {
		JsonNode content = JsonNodes.array(logprobs, "content");
		if (content == null) {
			return null;
		}
		List<Logprobs.TokenLogprob> tokens = new ArrayList<>();
		for (JsonNode token : content) {
			tokens.add(readTokenLogprob(token));
		}
		return new Logprobs(tokens);
	}

	private static Logprobs.TokenLogprob readTokenLogprob(JsonNode token) {
		List<Integer> bytes = null;
		JsonNode bytesNode = JsonNodes.array(token, "bytes");
		if (bytesNode != null) {
			bytes = new ArrayList<>();
			for (JsonNode value : bytesNode) {
				bytes.add(value.asInt());
			}
		}
		List<Logprobs.TokenLogprob> top = new ArrayList<>();
		JsonNode topNode = JsonNodes.array(token, "top_logprobs");
		if (topNode != null) {
			for (JsonNode alternative : topNode) {
				top.add(readTokenLogprob(alternative));
			}
		}
		String text = JsonNodes.text(token, "token");
		JsonNode logprob = token.get("logprob");
		return new Logprobs.TokenLogprob((text != null) ? text : "",
				(logprob != null && logprob.isNumber()) ? logprob.asDouble() : Double.NEGATIVE_INFINITY, bytes, top);
	}

}
