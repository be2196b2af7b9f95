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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.chatstarter.core.chat.ToolCall;

/**
 * How a {@link FakeChatServer} answers one request. Immutable: the instance methods
 * return a modified copy.
 *
 * <p>
 * Chat answers ({@link #text(String)}, {@link #stream(String...)},
 * {@link #toolCall(String, String)}, {@link #json(Object)}) adapt to the request: a
 * blocking request gets one {@code chat.completion} JSON body, a request with
 * {@code "stream": true} gets {@code text/event-stream} chunks the way OpenAI sends them
 * (a role chunk, one chunk per fragment, tool call arguments split across chunks, a
 * finish chunk, a usage chunk when {@code stream_options.include_usage} is set, then
 * {@code data: [DONE]}). Unless set with {@link #usage(int, int)}, usage is estimated by
 * counting words. Failures are scripted with {@link #error(int, String)} (any status, any
 * body), {@link #errorInStream(String, String...)}, {@link #cutStream(String...)} and
 * {@link #raw(int, String, String)}; {@link #delay(Duration)} and
 * {@link #chunkDelay(Duration)} slow any answer down.
 *
 * <pre class="code">
 * server.enqueue(FakeResponse.text("Hello!").usage(9, 2),
 * 		FakeResponse.toolCall("get_current_weather", "{\"location\":\"Paris\"}"),
 * 		FakeResponse.error(429, "").header("Retry-After", "1"));
 * </pre>
 */
public final class FakeResponse {

	/** The model named in answers when neither the response nor the request names one. */
	public static final String DEFAULT_MODEL = "demo-chat";

	static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

	/**
	 * What kind of answer this is.
	 */
	enum Kind {

		/** A chat completion, blocking or streamed. */
		COMPLETION,

		/** Chunks, then an error event. */
		STREAM_ERROR,

		/** Chunks, then the end of the body without a finish reason or {@code [DONE]}. */
		CUT_STREAM,

		/** A body sent as given. */
		RAW

	}

	private final Kind kind;

	private final @Nullable String content;

	private final List<String> fragments;

	private final @Nullable String reasoning;

	private final List<ToolCall> toolCalls;

	private final @Nullable String finishReason;

	private final @Nullable Integer promptTokens;

	private final @Nullable Integer completionTokens;

	private final @Nullable String model;

	private final @Nullable String streamError;

	private final int status;

	private final @Nullable String contentType;

	private final String body;

	private final Map<String, List<String>> headers;

	private final Duration delay;

	private final Duration chunkDelay;

	private FakeResponse(Spec spec) {
		this.kind = spec.kind;
		this.content = spec.content;
		this.fragments = List.copyOf(spec.fragments);
		this.reasoning = spec.reasoning;
		this.toolCalls = List.copyOf(spec.toolCalls);
		this.finishReason = spec.finishReason;
		this.promptTokens = spec.promptTokens;
		this.completionTokens = spec.completionTokens;
		this.model = spec.model;
		this.streamError = spec.streamError;
		this.status = spec.status;
		this.contentType = spec.contentType;
		this.body = spec.body;
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(spec.headers));
		this.delay = spec.delay;
		this.chunkDelay = spec.chunkDelay;
	}

	private static FakeResponse create(Kind kind, Consumer<Spec> customizer) {
		Spec spec = new Spec(kind);
		customizer.accept(spec);
		return new FakeResponse(spec);
	}

	private FakeResponse copy(Consumer<Spec> customizer) {
		Spec spec = new Spec(this);
		customizer.accept(spec);
		return new FakeResponse(spec);
	}

	/**
	 * Answer with a text; a stream sends it word by word.
	 * @param content the answer's text
	 * @return the response
	 */
	public static FakeResponse text(String content) {
		Assert.notNull(content, "content must not be null");
		return create(Kind.COMPLETION, (spec) -> {
			spec.content = content;
			spec.fragments = Words.split(content);
		});
	}

	/**
	 * Answer with a text and the given usage.
	 * @param content the answer's text
	 * @param promptTokens the {@code prompt_tokens} to report
	 * @param completionTokens the {@code completion_tokens} to report
	 * @return the response
	 */
	public static FakeResponse text(String content, int promptTokens, int completionTokens) {
		return text(content).usage(promptTokens, completionTokens);
	}

	/**
	 * Answer with a text made of these fragments; a stream sends one chunk per fragment,
	 * a blocking request gets them joined.
	 * @param fragments the fragments
	 * @return the response
	 */
	public static FakeResponse stream(String... fragments) {
		Assert.noNullElements(fragments, "fragments must not contain null");
		return create(Kind.COMPLETION, (spec) -> {
			spec.content = String.join("", fragments);
			spec.fragments = Arrays.asList(fragments);
		});
	}

	/**
	 * Answer with JSON as the message content, as structured output does.
	 * @param value a JSON string, sent as it is, or an object to serialize with Jackson
	 * (a {@code Map}, a record, a {@code JsonNode})
	 * @return the response
	 */
	public static FakeResponse json(Object value) {
		Assert.notNull(value, "value must not be null");
		return text((value instanceof String text) ? text : JSON_MAPPER.writeValueAsString(value));
	}

	/**
	 * Answer with one tool call; its id is {@code call_1}.
	 * @param name the function name
	 * @param arguments the arguments as a JSON string
	 * @return the response
	 */
	public static FakeResponse toolCall(String name, String arguments) {
		return toolCall("call_1", name, arguments);
	}

	/**
	 * Answer with one tool call.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as a JSON string
	 * @return the response
	 */
	public static FakeResponse toolCall(String id, String name, String arguments) {
		return toolCalls(new ToolCall(id, name, arguments));
	}

	/**
	 * Answer with tool calls (parallel calls when there are several). A stream sends each
	 * call's id and name first, then its arguments in several fragments, then
	 * {@code finish_reason: "tool_calls"}.
	 * @param calls the calls
	 * @return the response
	 */
	public static FakeResponse toolCalls(ToolCall... calls) {
		return toolCalls(Arrays.asList(calls));
	}

	/**
	 * Answer with tool calls (parallel calls when there are several).
	 * @param calls the calls
	 * @return the response
	 * @see #toolCalls(ToolCall...)
	 */
	public static FakeResponse toolCalls(List<ToolCall> calls) {
		Assert.notEmpty(calls, "calls must not be empty");
		Assert.noNullElements(calls, "calls must not contain null");
		return create(Kind.COMPLETION, (spec) -> spec.toolCalls = new ArrayList<>(calls));
	}

	/**
	 * Answer with an HTTP status and a body sent as given: an OpenAI error object, a
	 * vendor's own shape (e.g. {@code {"codes":900,"mess":"..."}}, also with status 200),
	 * an HTML gateway page, plain text or nothing. The content type follows the body:
	 * JSON when it starts with a brace or a bracket, HTML when it starts with {@code <},
	 * plain text otherwise, none when it is empty.
	 * @param status the HTTP status
	 * @param body the body, possibly empty
	 * @return the response
	 */
	public static FakeResponse error(int status, String body) {
		Assert.notNull(body, "body must not be null");
		return raw(status, guessContentType(body), body);
	}

	/**
	 * Answer with an HTTP status and a canonical OpenAI error body:
	 * {@code {"error":{"message":...,"type":...,"param":null,"code":...}}}, the type and
	 * code chosen from the status.
	 * @param status the HTTP status
	 * @param message the error message
	 * @return the response
	 */
	public static FakeResponse openAiError(int status, String message) {
		Assert.notNull(message, "message must not be null");
		return raw(status, "application/json", openAiErrorBody(status, message));
	}

	static String openAiErrorBody(int status, String message) {
		String type;
		String code;
		switch (status) {
			case 401, 403 -> {
				type = "invalid_request_error";
				code = "invalid_api_key";
			}
			case 404 -> {
				type = "invalid_request_error";
				code = "model_not_found";
			}
			case 429 -> {
				type = "requests";
				code = "rate_limit_exceeded";
			}
			default -> {
				type = (status >= 500) ? "server_error" : "invalid_request_error";
				code = null;
			}
		}
		ObjectNode error = JSON_MAPPER.createObjectNode();
		ObjectNode details = error.putObject("error").put("message", message).put("type", type);
		details.putNull("param");
		if (code != null) {
			details.put("code", code);
		}
		else {
			details.putNull("code");
		}
		return error.toString();
	}

	/**
	 * Start a stream normally, then send an error event ({@code data: <errorJson>}) and
	 * {@code [DONE]}, as vLLM and OpenRouter do when a generation fails after HTTP 200. A
	 * blocking request gets the error JSON as an HTTP 200 body.
	 * @param errorJson the event's data, e.g.
	 * {@code {"error":{"message":"TimeoutError","type":"GatewayTimeout","code":504}}}
	 * @param fragmentsBefore the text fragments sent before the error
	 * @return the response
	 */
	public static FakeResponse errorInStream(String errorJson, String... fragmentsBefore) {
		Assert.hasText(errorJson, "errorJson must not be empty");
		Assert.noNullElements(fragmentsBefore, "fragmentsBefore must not contain null");
		return create(Kind.STREAM_ERROR, (spec) -> {
			spec.content = String.join("", fragmentsBefore);
			spec.fragments = Arrays.asList(fragmentsBefore);
			spec.streamError = errorJson;
		});
	}

	/**
	 * Send these fragments, then end the body without a finish reason and without
	 * {@code [DONE]}: a stream cut by a relay or a stall. A blocking request gets the
	 * first half of its JSON body.
	 * @param fragments the text fragments sent before the cut
	 * @return the response
	 */
	public static FakeResponse cutStream(String... fragments) {
		Assert.noNullElements(fragments, "fragments must not contain null");
		return create(Kind.CUT_STREAM, (spec) -> {
			spec.content = String.join("", fragments);
			spec.fragments = Arrays.asList(fragments);
		});
	}

	/**
	 * Answer with exactly this status, content type and body, whatever the request asked
	 * for. A {@code text/event-stream} body is sent event by event (split at blank
	 * lines), so {@link #chunkDelay} applies.
	 * @param status the HTTP status
	 * @param contentType the content type, or {@code null} to send none
	 * @param body the body
	 * @return the response
	 */
	public static FakeResponse raw(int status, @Nullable String contentType, String body) {
		Assert.isTrue(status >= 100 && status <= 599, "status must be between 100 and 599");
		Assert.notNull(body, "body must not be null");
		return create(Kind.RAW, (spec) -> {
			spec.status = status;
			spec.contentType = contentType;
			spec.body = body;
		});
	}

	/**
	 * Answer a {@code GET /v1/models} request with these model ids.
	 * @param ids the model ids
	 * @return the response
	 */
	public static FakeResponse models(String... ids) {
		Assert.noNullElements(ids, "ids must not contain null");
		ObjectNode root = JSON_MAPPER.createObjectNode().put("object", "list");
		ArrayNode data = root.putArray("data");
		for (String id : ids) {
			data.addObject()
				.put("id", id)
				.put("object", "model")
				.put("created", 1700000000L)
				.put("owned_by", "chat-starter-test");
		}
		return raw(200, "application/json", root.toString());
	}

	/**
	 * Answer a {@code POST /v1/images/generations} request with these image URLs.
	 * @param urls the image URLs
	 * @return the response
	 */
	public static FakeResponse images(String... urls) {
		Assert.noNullElements(urls, "urls must not contain null");
		ObjectNode root = JSON_MAPPER.createObjectNode().put("created", 1700000000L);
		ArrayNode data = root.putArray("data");
		for (String url : urls) {
			data.addObject().put("url", url);
		}
		return raw(200, "application/json", root.toString());
	}

	/**
	 * Report this usage instead of the word-count estimate.
	 * @param promptTokens the {@code prompt_tokens}
	 * @param completionTokens the {@code completion_tokens}; {@code total_tokens} is the
	 * sum
	 * @return a modified copy
	 */
	public FakeResponse usage(int promptTokens, int completionTokens) {
		Assert.isTrue(promptTokens >= 0 && completionTokens >= 0, "token counts must not be negative");
		return copy((spec) -> {
			spec.promptTokens = promptTokens;
			spec.completionTokens = completionTokens;
		});
	}

	/**
	 * Name this model in the answer instead of the requested one.
	 * @param model the model
	 * @return a modified copy
	 */
	public FakeResponse model(String model) {
		Assert.hasText(model, "model must not be empty");
		return copy((spec) -> spec.model = model);
	}

	/**
	 * Finish with this reason instead of {@code stop} (or {@code tool_calls} for tool
	 * calls), e.g. {@code length}, {@code content_filter} or a vendor's
	 * {@code sensitive}.
	 * @param finishReason the finish reason
	 * @return a modified copy
	 */
	public FakeResponse finishReason(String finishReason) {
		Assert.hasText(finishReason, "finishReason must not be empty");
		return copy((spec) -> spec.finishReason = finishReason);
	}

	/**
	 * Add reasoning text ({@code reasoning_content}), streamed word by word before the
	 * content.
	 * @param reasoning the reasoning text
	 * @return a modified copy
	 */
	public FakeResponse reasoning(String reasoning) {
		Assert.notNull(reasoning, "reasoning must not be null");
		return copy((spec) -> spec.reasoning = reasoning);
	}

	/**
	 * Add a response header, e.g. {@code Retry-After}.
	 * @param name the header name
	 * @param values the values
	 * @return a modified copy
	 */
	public FakeResponse header(String name, String... values) {
		Assert.hasText(name, "name must not be empty");
		Assert.noNullElements(values, "values must not contain null");
		return copy((spec) -> spec.headers.put(name, List.of(values)));
	}

	/**
	 * Wait before sending the status line.
	 * @param delay the wait
	 * @return a modified copy
	 */
	public FakeResponse delay(Duration delay) {
		Assert.isTrue(delay != null && !delay.isNegative(), "delay must not be negative");
		return copy((spec) -> spec.delay = delay);
	}

	/**
	 * Wait between two chunks of a stream.
	 * @param chunkDelay the wait
	 * @return a modified copy
	 */
	public FakeResponse chunkDelay(Duration chunkDelay) {
		Assert.isTrue(chunkDelay != null && !chunkDelay.isNegative(), "chunkDelay must not be negative");
		return copy((spec) -> spec.chunkDelay = chunkDelay);
	}

	Kind kind() {
		return this.kind;
	}

	@Nullable String content() {
		return this.content;
	}

	List<String> fragments() {
		return this.fragments;
	}

	@Nullable String reasoningContent() {
		return this.reasoning;
	}

	List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	@Nullable String finishReasonOrNull() {
		return this.finishReason;
	}

	@Nullable Integer promptTokens() {
		return this.promptTokens;
	}

	@Nullable Integer completionTokens() {
		return this.completionTokens;
	}

	@Nullable String modelOrNull() {
		return this.model;
	}

	@Nullable String streamError() {
		return this.streamError;
	}

	int status() {
		return this.status;
	}

	@Nullable String contentType() {
		return this.contentType;
	}

	String body() {
		return this.body;
	}

	Map<String, List<String>> headers() {
		return this.headers;
	}

	Duration delayDuration() {
		return this.delay;
	}

	Duration chunkDelayDuration() {
		return this.chunkDelay;
	}

	private static @Nullable String guessContentType(String body) {
		String start = body.stripLeading();
		if (start.isEmpty()) {
			return null;
		}
		if (start.startsWith("{") || start.startsWith("[")) {
			return "application/json";
		}
		if (start.startsWith("<")) {
			return "text/html; charset=utf-8";
		}
		return "text/plain; charset=utf-8";
	}

	@Override
	public String toString() {
		String what = switch (this.kind) {
			case RAW -> this.status + " " + this.contentType;
			case COMPLETION -> this.toolCalls.isEmpty() ? "text" : "tool calls " + this.toolCalls.size();
			default -> this.kind.name().toLowerCase(Locale.ROOT);
		};
		return "FakeResponse[" + what + "]";
	}

	/**
	 * The mutable state a response is built from.
	 */
	private static final class Spec {

		private final Kind kind;

		private @Nullable String content;

		private List<String> fragments = List.of();

		private @Nullable String reasoning;

		private List<ToolCall> toolCalls = List.of();

		private @Nullable String finishReason;

		private @Nullable Integer promptTokens;

		private @Nullable Integer completionTokens;

		private @Nullable String model;

		private @Nullable String streamError;

		private int status = 200;

		private @Nullable String contentType;

		private String body = "";

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private Duration delay = Duration.ZERO;

		private Duration chunkDelay = Duration.ZERO;

		Spec(Kind kind) {
			this.kind = kind;
		}

		Spec(FakeResponse response) {
			this.kind = response.kind;
			this.content = response.content;
			this.fragments = response.fragments;
			this.reasoning = response.reasoning;
			this.toolCalls = response.toolCalls;
			this.finishReason = response.finishReason;
			this.promptTokens = response.promptTokens;
			this.completionTokens = response.completionTokens;
			this.model = response.model;
			this.streamError = response.streamError;
			this.status = response.status;
			this.contentType = response.contentType;
			this.body = response.body;
			this.headers.putAll(response.headers);
			this.delay = response.delay;
			this.chunkDelay = response.chunkDelay;
		}

	}

}
