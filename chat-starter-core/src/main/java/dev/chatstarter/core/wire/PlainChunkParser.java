package dev.chatstarter.core.wire;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.chat.Role;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * Reads a plain {@code chat.completion.chunk} straight from its JSON text, token by token, without building a tree:
 * the fast path for the hundreds of chunks of a stream. It accepts only what it can read exactly as
 * {@link ChatCompletionReader#readChunk} would: an object with a non-empty {@code choices} array and no
 * {@code error} field (so the chunk cannot be an error, see
 * {@link dev.chatstarter.core.error.ProviderErrorParser#fromJson}), string or {@code null} texts and integer numbers.
 * Anything else (content parts, numbers where text belongs, malformed JSON) makes it give up, and the caller takes the
 * general path. Rare nested values (tool calls, logprobs, usage) are read as trees and handed to the general reader.
 */
final class PlainChunkParser {

	private static final NotPlain NOT_PLAIN = new NotPlain();

	private final JsonMapper jsonMapper;

	private final ChatCompletionReader reader;

	PlainChunkParser(JsonMapper jsonMapper, ChatCompletionReader reader) {
		this.jsonMapper = jsonMapper;
		this.reader = reader;
	}

	/**
	 * Read a chunk if it is plain.
	 * @param json the event data
	 * @return the chunk, or {@code null} when the chunk needs the general path
	 */
	@Nullable ChatChunk parse(String json) {
		try (JsonParser parser = this.jsonMapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			ChatChunk chunk = readChunk(parser);
			return (parser.nextToken() == null && !chunk.choices().isEmpty()) ? chunk : null;
		}
		catch (NotPlain | JacksonException ex) {
			return null;
		}
	}

	private ChatChunk readChunk(JsonParser parser) {
		String id = null;
		String model = null;
		String fingerprint = null;
		Long created = null;
		List<ChunkChoice> choices = List.of();
		Usage usage = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "id" -> id = text(parser, token);
				case "model" -> model = text(parser, token);
				case "system_fingerprint" -> fingerprint = text(parser, token);
				case "created" -> created = longValue(parser, token);
				case "choices" -> choices = readChoices(parser, token);
				case "usage" -> usage = (token == JsonToken.START_OBJECT) ? this.reader.readUsage(tree(parser))
						: skip(parser);
				case "error" -> throw NOT_PLAIN;
				default -> parser.skipChildren();
			}
		}
		return new ChatChunk(id, model, created, choices, usage, fingerprint);
	}

	private List<ChunkChoice> readChoices(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_ARRAY) {
			throw NOT_PLAIN;
		}
		List<ChunkChoice> choices = new ArrayList<>(1);
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			choices.add(readChoice(parser, choices.size()));
		}
		if (!parser.hasToken(JsonToken.END_ARRAY)) {
			throw NOT_PLAIN;
		}
		return choices;
	}

	private ChunkChoice readChoice(JsonParser parser, int position) {
		Integer index = null;
		Delta delta = null;
		Delta message = null;
		String finishReason = null;
		Logprobs logprobs = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "index" -> index = integer(parser, token);
				case "delta" -> delta = (token == JsonToken.START_OBJECT) ? readDelta(parser) : skip(parser);
				case "message" -> message = (token == JsonToken.START_OBJECT) ? readDelta(parser) : skip(parser);
				case "finish_reason" -> finishReason = text(parser, token);
				case "logprobs" -> logprobs = (token == JsonToken.START_OBJECT)
						? ChatCompletionReader.readLogprobs(tree(parser)) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		Delta read = (delta != null) ? delta : (message != null) ? message : new Delta();
		return new ChunkChoice((index != null) ? index : position,
				(read.role != null) ? Role.fromWireName(read.role) : null, read.content,
				(read.reasoningContent != null) ? read.reasoningContent : read.reasoning, read.toolCalls(),
				finishReason, logprobs);
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
				case "tool_calls" -> delta.calls = (token == JsonToken.START_ARRAY) ? tree(parser) : skip(parser);
				case "function_call" -> delta.functionCall = (token == JsonToken.START_OBJECT) ? tree(parser)
						: skip(parser);
				default -> parser.skipChildren();
			}
		}
		return delta;
	}

	private static JsonNode tree(JsonParser parser) {
		return parser.readValueAsTree();
	}

	/**
	 * Skip a value the general reader ignores too (it only reads objects and arrays where they belong).
	 */
	private static <T> @Nullable T skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	/**
	 * Read a text the way {@link JsonNodes#text} does: strings as they are; {@code null} and containers as
	 * {@code null}. Numbers and booleans are not plain.
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
	 * Read an int the way {@link JsonNodes#integer} does; numbers that are not ints are not plain.
	 */
	private static @Nullable Integer integer(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
			return parser.getIntValue();
		}
		return notANumber(parser, token);
	}

	/**
	 * Read a long the way {@link JsonNodes#longValue} does; numbers that are not longs are not plain.
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

	/** The fields of a {@code delta} (or {@code message}) object. */
	private static final class Delta {

		@Nullable String role;

		@Nullable String content;

		@Nullable String reasoningContent;

		@Nullable String reasoning;

		@Nullable JsonNode calls;

		@Nullable JsonNode functionCall;

		List<ToolCallDelta> toolCalls() {
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
