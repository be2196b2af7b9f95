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

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * Reads a plain {@code chat.completion} or {@code chat.completion.chunk} straight from
 * its JSON, token by token, without building a tree: the fast path for the answers of
 * blocking calls and the hundreds of chunks of a stream. It accepts only what it can read
 * exactly as {@link ChatCompletionReader#readResponse} and
 * {@link ChatCompletionReader#readChunk} would: an object with a non-empty
 * {@code choices} array and no {@code error} field (so the answer cannot be an error, see
 * {@link dev.chatstarter.core.internal.error.ProviderErrorParser#fromJson}), string or
 * {@code null} texts and integer numbers. Anything else (content parts, numbers where
 * text belongs, malformed JSON) makes it give up, and the caller takes the general path.
 * Rare nested values (tool calls, logprobs, the details of usage) are read as trees and
 * handed to the general reader.
 */
final class PlainCompletionParser {

	private static final NotPlain NOT_PLAIN = new NotPlain();

	/**
	 * Creates the parsers: without the mapper's deserialization context, which would be
	 * created for every parse and is only needed for the rare nested trees (read with
	 * {@link #treeReader} instead). The mapper's own read features are not applied, so a
	 * parser may be stricter than the general path, which then takes over.
	 */
	private final TokenStreamFactory parsers;

	/**
	 * Reads a nested value as a tree, as the mapper would, leaving the parser on the
	 * value's last token.
	 */
	private final ObjectReader treeReader;

	private final ChatCompletionReader reader;

	PlainCompletionParser(JsonMapper jsonMapper, ChatCompletionReader reader) {
		this.parsers = jsonMapper.tokenStreamFactory();
		this.treeReader = jsonMapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.reader = reader;
	}

	/**
	 * Read a chunk if it is plain.
	 * @param provider the provider name to record in the chunk
	 * @param json the event data, UTF-8
	 * @return the chunk, or {@code null} when the chunk needs the general path
	 */
	@Nullable ChatChunk parseChunk(String provider, byte[] json) {
		try (JsonParser parser = this.parsers.createParser(ObjectReadContext.empty(), json)) {
			Completion<ChunkChoice> chunk = readCompletion(parser, this::readChunkChoice);
			return (chunk != null) ? new ChatChunk(chunk.id(), chunk.model(), chunk.created(), chunk.choices(),
					chunk.usage(), chunk.fingerprint(), provider) : null;
		}
		catch (NotPlain | JacksonException ex) {
			return null;
		}
	}

	/**
	 * Read a complete answer if it is plain.
	 * @param provider the provider name to record in the response
	 * @param json the answer's body
	 * @return the response, or {@code null} when the answer needs the general path
	 */
	@Nullable ChatResponse parseResponse(String provider, byte[] json) {
		try (JsonParser parser = this.parsers.createParser(ObjectReadContext.empty(), json)) {
			Completion<Choice> response = readCompletion(parser, this::readResponseChoice);
			return (response != null) ? new ChatResponse(provider, response.id(), response.model(), response.created(),
					response.choices(), response.usage(), response.fingerprint()) : null;
		}
		catch (NotPlain | JacksonException ex) {
			return null;
		}
	}

	private <C> @Nullable Completion<C> readCompletion(JsonParser parser, ChoiceReader<C> choiceReader) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return null;
		}
		String id = null;
		String model = null;
		String fingerprint = null;
		Long created = null;
		List<C> choices = List.of();
		Usage usage = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "id" -> id = text(parser, token);
				case "model" -> model = text(parser, token);
				case "system_fingerprint" -> fingerprint = text(parser, token);
				case "created" -> created = longValue(parser, token);
				case "choices" -> choices = readChoices(parser, token, choiceReader);
				case "usage" -> usage = (token == JsonToken.START_OBJECT) ? readUsage(parser) : skip(parser);
				case "error" -> throw NOT_PLAIN;
				default -> parser.skipChildren();
			}
		}
		if (parser.nextToken() != null || choices.isEmpty()) {
			return null;
		}
		return new Completion<>(id, model, created, choices, usage, fingerprint);
	}

	/**
	 * Read a usage object: the three counts as numbers, every other field as a tree, as
	 * {@link ChatCompletionReader#readUsage} reads them.
	 * @param parser the parser, at the start of the usage object
	 * @return the usage, the parser left at the end of the object
	 */
	private Usage readUsage(JsonParser parser) {
		Integer prompt = null;
		Integer completion = null;
		Integer total = null;
		JsonNode promptDetails = null;
		JsonNode cacheHit = null;
		JsonNode completionDetails = null;
		Map<String, Object> extra = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "prompt_tokens" -> prompt = integer(parser, token);
				case "completion_tokens" -> completion = integer(parser, token);
				case "total_tokens" -> total = integer(parser, token);
				default -> {
					JsonNode value = tree(parser);
					switch (name) {
						case "prompt_tokens_details" -> promptDetails = value;
						case "prompt_cache_hit_tokens" -> cacheHit = value;
						case "completion_tokens_details" -> completionDetails = value;
						default -> {
						}
					}
					if (value.isNull()) {
						extra.remove(name);
					}
					else {
						extra.put(name, this.reader.toPlainValue(value));
					}
				}
			}
		}
		return ChatCompletionReader.usage(prompt, completion, total, promptDetails, cacheHit, completionDetails, extra);
	}

	private static <C> List<C> readChoices(JsonParser parser, JsonToken token, ChoiceReader<C> choiceReader) {
		if (token != JsonToken.START_ARRAY) {
			throw NOT_PLAIN;
		}
		List<C> choices = new ArrayList<>(1);
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			choices.add(choiceReader.read(parser, choices.size()));
		}
		if (!parser.hasToken(JsonToken.END_ARRAY)) {
			throw NOT_PLAIN;
		}
		return choices;
	}

	private ChunkChoice readChunkChoice(JsonParser parser, int position) {
		ChoiceFields choice = readChoiceFields(parser);
		Delta read = (choice.delta != null) ? choice.delta : (choice.message != null) ? choice.message : new Delta();
		return new ChunkChoice((choice.index != null) ? choice.index : position,
				(read.role != null) ? Role.fromWireName(read.role) : null, read.content, read.reasoning(),
				read.toolCallDeltas(), choice.finishReason, choice.logprobs);
	}

	private Choice readResponseChoice(JsonParser parser, int position) {
		ChoiceFields choice = readChoiceFields(parser);
		Delta read = (choice.message != null) ? choice.message : (choice.delta != null) ? choice.delta : new Delta();
		List<ContentPart> content = (read.content != null) ? List.of(new TextPart(read.content)) : List.of();
		ChatMessage message = new ChatMessage(Role.ASSISTANT, content, read.name,
				ChatCompletionReader.toolCalls(read.calls, read.functionCall), null, read.reasoning());
		return new Choice((choice.index != null) ? choice.index : position, message, choice.finishReason,
				choice.logprobs);
	}

	private ChoiceFields readChoiceFields(JsonParser parser) {
		ChoiceFields choice = new ChoiceFields();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "index" -> choice.index = integer(parser, token);
				case "delta" -> choice.delta = (token == JsonToken.START_OBJECT) ? readDelta(parser) : skip(parser);
				case "message" -> choice.message = (token == JsonToken.START_OBJECT) ? readDelta(parser) : skip(parser);
				case "finish_reason" -> choice.finishReason = text(parser, token);
				case "logprobs" -> choice.logprobs = (token == JsonToken.START_OBJECT)
						? ChatCompletionReader.readLogprobs(tree(parser)) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		return choice;
	}

	private Delta readDelta(JsonParser parser) {
		Delta delta = new Delta();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "role" -> delta.role = text(parser, token);
				case "content" -> {
					if (token == JsonToken.START_ARRAY) {
						throw NOT_PLAIN;
					}
					delta.content = text(parser, token);
				}
				case "reasoning_content" -> delta.reasoningContent = text(parser, token);
				case "reasoning" -> delta.reasoning = text(parser, token);
				case "name" -> delta.name = text(parser, token);
				case "tool_calls" -> delta.calls = (token == JsonToken.START_ARRAY) ? tree(parser) : skip(parser);
				case "function_call" ->
					delta.functionCall = (token == JsonToken.START_OBJECT) ? tree(parser) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		return delta;
	}

	private JsonNode tree(JsonParser parser) {
		return this.treeReader.readTree(parser);
	}

	/**
	 * Skip a value the general reader ignores too (it only reads objects and arrays where
	 * they belong).
	 * @param <T> the type the caller expects, for a value read as {@code null}
	 * @param parser the parser, at the value to skip
	 * @return always {@code null}
	 */
	private static <T> @Nullable T skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	/**
	 * Read a text the way {@link JsonNodes#text} does: strings as they are; {@code null}
	 * and containers as {@code null}. Numbers and booleans are not plain.
	 * @param parser the parser, at the value
	 * @param token the value's token
	 * @return the string, or {@code null} for a null or a container (which is skipped)
	 */
	private static @Nullable String text(JsonParser parser, JsonToken token) {
		switch (token) {
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NULL:
				return null;
			case START_OBJECT:
			case START_ARRAY:
				return skip(parser);
			default:
				throw NOT_PLAIN;
		}
	}

	/**
	 * Read an int the way {@link JsonNodes#integer} does; numbers that are not ints are
	 * not plain.
	 * @param parser the parser, at the value
	 * @param token the value's token
	 * @return the int, or {@code null} for a value that is not a number (skipped if a
	 * container)
	 */
	private static @Nullable Integer integer(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
			return parser.getIntValue();
		}
		return notANumber(parser, token);
	}

	/**
	 * Read a long the way {@link JsonNodes#longValue} does; numbers that are not longs
	 * are not plain.
	 * @param parser the parser, at the value
	 * @param token the value's token
	 * @return the long, or {@code null} for a value that is not a number (skipped if a
	 * container)
	 */
	private static @Nullable Long longValue(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			return parser.getLongValue();
		}
		return notANumber(parser, token);
	}

	private static <T> @Nullable T notANumber(JsonParser parser, JsonToken token) {
		if (token.isNumeric()) {
			throw NOT_PLAIN;
		}
		return skip(parser);
	}

	/** Reads one choice. */
	@FunctionalInterface
	private interface ChoiceReader<C> {

		C read(JsonParser parser, int position);

	}

	/** The top-level fields of an answer or a chunk. */
	private record Completion<C>(@Nullable String id, @Nullable String model, @Nullable Long created, List<C> choices,
			@Nullable Usage usage, @Nullable String fingerprint) {
	}

	/** The fields of a choice. */
	private static final class ChoiceFields {

		@Nullable Integer index;

		@Nullable Delta delta;

		@Nullable Delta message;

		@Nullable String finishReason;

		@Nullable Logprobs logprobs;

	}

	/** The fields of a {@code delta} (or {@code message}) object. */
	private static final class Delta {

		@Nullable String role;

		@Nullable String name;

		@Nullable String content;

		@Nullable String reasoningContent;

		@Nullable String reasoning;

		@Nullable JsonNode calls;

		@Nullable JsonNode functionCall;

		@Nullable String reasoning() {
			return (this.reasoningContent != null) ? this.reasoningContent : this.reasoning;
		}

		List<ToolCallDelta> toolCallDeltas() {
			if (this.calls == null && this.functionCall == null) {
				return List.of();
			}
			List<ToolCallDelta> toolCalls = new ArrayList<>();
			if (this.calls != null) {
				ChatCompletionReader.addToolCallDeltas(this.calls, toolCalls);
			}
			if (this.functionCall != null) {
				toolCalls.add(ChatCompletionReader.functionCallDelta(this.functionCall));
			}
			return toolCalls;
		}

	}

	/** Thrown, without a stack trace, when the chunk is not plain. */
	private static final class NotPlain extends RuntimeException {

		NotPlain() {
			super("not a plain chunk", null, false, false);
		}

	}

}
