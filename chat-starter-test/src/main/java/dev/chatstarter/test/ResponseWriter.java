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

package dev.chatstarter.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.chatstarter.core.chat.ToolCall;

/**
 * Turns a {@link FakeResponse} into the {@link HttpAnswer} for one request, in the OpenAI
 * wire format: a {@code chat.completion} body for a blocking request,
 * {@code chat.completion.chunk} events for a stream.
 */
final class ResponseWriter {

	static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

	static final String JSON = "application/json";

	private static final int ARGUMENT_FRAGMENTS = 3;

	private ResponseWriter() {
	}

	/**
	 * Write the answer to a request.
	 * @param response how to answer
	 * @param request the request
	 * @return the answer
	 */
	static HttpAnswer write(FakeResponse response, RecordedRequest request) {
		Duration delay = response.delayDuration();
		Duration chunkDelay = response.chunkDelayDuration();
		if (response.kind() == FakeResponse.Kind.RAW) {
			return raw(response, delay, chunkDelay);
		}
		Completion completion = new Completion(response, request);
		boolean stream = request.isStream();
		switch (response.kind()) {
			case STREAM_ERROR:
				if (!stream) {
					return plain(200, JSON, String.valueOf(response.streamError()), response, delay);
				}
				List<String> events = completion.openingEvents();
				events.add(event(String.valueOf(response.streamError())));
				events.add(event("[DONE]"));
				return streamed(events, response, delay, chunkDelay);
			case CUT_STREAM:
				if (!stream) {
					String body = completion.blockingBody();
					return plain(200, JSON, body.substring(0, body.length() / 2), response, delay);
				}
				return streamed(completion.openingEvents(), response, delay, chunkDelay);
			default:
				if (!stream) {
					return plain(200, JSON, completion.blockingBody(), response, delay);
				}
				List<String> all = completion.openingEvents();
				all.addAll(completion.closingEvents());
				return streamed(all, response, delay, chunkDelay);
		}
	}

	private static HttpAnswer raw(FakeResponse response, Duration delay, Duration chunkDelay) {
		String contentType = response.contentType();
		if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
			List<String> events = new ArrayList<>();
			String body = response.body();
			int start = 0;
			int end;
			while ((end = nextEventEnd(body, start)) > 0) {
				events.add(body.substring(start, end));
				start = end;
			}
			if (start < body.length()) {
				events.add(body.substring(start));
			}
			return new HttpAnswer(response.status(), headers(response, contentType), events, true, delay, chunkDelay);
		}
		return plain(response.status(), contentType, response.body(), response, delay);
	}

	/**
	 * Find where the event starting at {@code start} ends, its blank line included.
	 * @param body the raw server-sent events body
	 * @param start the index where the event starts
	 * @return the index just after the event's blank line, or {@code -1} if the event has
	 * none
	 */
	private static int nextEventEnd(String body, int start) {
		for (String separator : new String[] { "\r\n\r\n", "\n\n", "\r\r" }) {
			int index = body.indexOf(separator, start);
			if (index >= 0) {
				return index + separator.length();
			}
		}
		return -1;
	}

	private static HttpAnswer plain(int status, @Nullable String contentType, String body, FakeResponse response,
			Duration delay) {
		return new HttpAnswer(status, headers(response, contentType), body.isEmpty() ? List.of() : List.of(body), false,
				delay, Duration.ZERO);
	}

	private static HttpAnswer streamed(List<String> events, FakeResponse response, Duration delay,
			Duration chunkDelay) {
		Map<String, List<String>> headers = headers(response, EVENT_STREAM);
		headers.putIfAbsent("Cache-Control", List.of("no-cache"));
		return new HttpAnswer(200, headers, events, true, delay, chunkDelay);
	}

	private static Map<String, List<String>> headers(FakeResponse response, @Nullable String contentType) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		if (contentType != null) {
			headers.put("Content-Type", List.of(contentType));
		}
		headers.putAll(response.headers());
		return headers;
	}

	private static String event(String data) {
		return "data: " + data + "\n\n";
	}

	/**
	 * One chat completion, written as a body or as chunks.
	 */
	private static final class Completion {

		private final FakeResponse response;

		private final RecordedRequest request;

		private final String id;

		private final long created = Instant.now().getEpochSecond();

		private final String model;

		Completion(FakeResponse response, RecordedRequest request) {
			this.response = response;
			this.request = request;
			this.id = "chatcmpl-fake-" + request.sequence();
			String requested = request.model();
			this.model = (response.modelOrNull() != null) ? response.modelOrNull()
					: (requested != null) ? requested : FakeResponse.DEFAULT_MODEL;
		}

		String blockingBody() {
			ObjectNode root = header("chat.completion");
			ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
			ObjectNode message = choice.putObject("message").put("role", "assistant");
			message.put("content", messageContent());
			if (this.response.reasoningContent() != null) {
				message.put("reasoning_content", this.response.reasoningContent());
			}
			if (hasToolCalls()) {
				ArrayNode calls = message.putArray("tool_calls");
				for (ToolCall call : this.response.toolCalls()) {
					calls.addObject()
						.put("id", call.id())
						.put("type", "function")
						.putObject("function")
						.put("name", call.name())
						.put("arguments", call.arguments());
				}
			}
			choice.putNull("logprobs");
			choice.put("finish_reason", finishReason());
			root.set("usage", usage());
			return root.toString();
		}

		/**
		 * The role chunk, then one chunk per reasoning and content fragment and the tool
		 * call chunks.
		 * @return the {@code data:} events that open the stream, in order
		 */
		List<String> openingEvents() {
			List<String> events = new ArrayList<>();
			ObjectNode role = FakeResponse.JSON_MAPPER.createObjectNode().put("role", "assistant");
			role.put("content", (messageContent() != null) ? "" : null);
			events.add(chunk(role, null));
			if (this.response.reasoningContent() != null) {
				for (String fragment : Words.split(this.response.reasoningContent())) {
					events.add(chunk(delta().put("reasoning_content", fragment), null));
				}
			}
			for (String fragment : this.response.fragments()) {
				events.add(chunk(delta().put("content", fragment), null));
			}
			List<ToolCall> calls = this.response.toolCalls();
			for (int index = 0; index < calls.size(); index++) {
				ToolCall call = calls.get(index);
				ObjectNode first = delta();
				first.putArray("tool_calls")
					.addObject()
					.put("index", index)
					.put("id", call.id())
					.put("type", "function")
					.putObject("function")
					.put("name", call.name())
					.put("arguments", "");
				events.add(chunk(first, null));
				for (String piece : argumentPieces(call.arguments())) {
					ObjectNode next = delta();
					next.putArray("tool_calls")
						.addObject()
						.put("index", index)
						.putObject("function")
						.put("arguments", piece);
					events.add(chunk(next, null));
				}
			}
			return events;
		}

		/**
		 * The finish chunk, the usage chunk when asked for, and {@code [DONE]}.
		 * @return the {@code data:} events that close the stream, in order
		 */
		List<String> closingEvents() {
			List<String> events = new ArrayList<>();
			events.add(chunk(delta(), finishReason()));
			if (this.request.includeUsage()) {
				ObjectNode usage = header("chat.completion.chunk");
				usage.putArray("choices");
				usage.set("usage", usage());
				events.add(event(usage.toString()));
			}
			events.add(event("[DONE]"));
			return events;
		}

		private String chunk(ObjectNode delta, @Nullable String finishReason) {
			ObjectNode root = header("chat.completion.chunk");
			ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
			choice.set("delta", delta);
			choice.putNull("logprobs");
			if (finishReason != null) {
				choice.put("finish_reason", finishReason);
			}
			else {
				choice.putNull("finish_reason");
			}
			if (this.request.includeUsage()) {
				root.putNull("usage");
			}
			return event(root.toString());
		}

		private ObjectNode header(String object) {
			return FakeResponse.JSON_MAPPER.createObjectNode()
				.put("id", this.id)
				.put("object", object)
				.put("created", this.created)
				.put("model", this.model)
				.put("system_fingerprint", "fp_fake");
		}

		private static ObjectNode delta() {
			return FakeResponse.JSON_MAPPER.createObjectNode();
		}

		/**
		 * The message content: {@code null} for an answer with only tool calls, as OpenAI
		 * sends it.
		 * @return the content of the answer's message, or {@code null} for none
		 */
		private @Nullable String messageContent() {
			String content = this.response.content();
			if (content == null) {
				return hasToolCalls() ? null : "";
			}
			return (content.isEmpty() && hasToolCalls()) ? null : content;
		}

		private boolean hasToolCalls() {
			return !this.response.toolCalls().isEmpty();
		}

		private String finishReason() {
			String reason = this.response.finishReasonOrNull();
			if (reason != null) {
				return reason;
			}
			return hasToolCalls() ? "tool_calls" : "stop";
		}

		private JsonNode usage() {
			int prompt = (this.response.promptTokens() != null) ? this.response.promptTokens() : promptWords();
			int completion = (this.response.completionTokens() != null) ? this.response.completionTokens()
					: completionWords();
			return FakeResponse.JSON_MAPPER.createObjectNode()
				.put("prompt_tokens", prompt)
				.put("completion_tokens", completion)
				.put("total_tokens", prompt + completion);
		}

		private int promptWords() {
			int words = 0;
			for (JsonNode message : this.request.messages()) {
				words += Words.count(RecordedRequest.textOf(message));
			}
			return words;
		}

		private int completionWords() {
			int words = 0;
			if (this.response.content() != null) {
				words += Words.count(this.response.content());
			}
			if (this.response.reasoningContent() != null) {
				words += Words.count(this.response.reasoningContent());
			}
			for (ToolCall call : this.response.toolCalls()) {
				words += 1 + Words.count(call.arguments());
			}
			return words;
		}

		/**
		 * Split arguments into a few pieces, never inside a surrogate pair.
		 * @param arguments the tool call's arguments
		 * @return the pieces, which joined are the arguments; none for empty arguments
		 */
		private static List<String> argumentPieces(String arguments) {
			List<String> pieces = new ArrayList<>();
			int length = arguments.length();
			int size = Math.max(1, (length + ARGUMENT_FRAGMENTS - 1) / ARGUMENT_FRAGMENTS);
			int start = 0;
			while (start < length) {
				int end = Math.min(length, start + size);
				if (end < length && Character.isHighSurrogate(arguments.charAt(end - 1))) {
					end++;
				}
				pieces.add(arguments.substring(start, end));
				start = end;
			}
			return pieces;
		}

	}

}
