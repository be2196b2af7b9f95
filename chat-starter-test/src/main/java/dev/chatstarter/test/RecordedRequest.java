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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A request received by a {@link FakeChatServer}: the raw HTTP parts, the body parsed as
 * JSON, and shortcuts to what chat tests usually check. Immutable and thread-safe, as
 * long as the {@link #json() JSON tree} is not modified. {@link #toString()} shows
 * neither the headers nor the API key.
 */
public final class RecordedRequest {

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

	private static final int TO_STRING_BODY_LIMIT = 200;

	private final int sequence;

	private final String protocol;

	private final String method;

	private final String uri;

	private final String path;

	private final FakeEndpoint endpoint;

	private final HttpHeaders headers;

	private final String body;

	private final JsonNode json;

	/**
	 * Create a request, e.g. to unit-test a {@link ChatResponder}.
	 * @param sequence the 1-based position of the request among those the server received
	 * @param method the HTTP method
	 * @param uri the request target as received, with the query string if any
	 * @param headers the request headers (copied)
	 * @param body the body as text, empty when there was none
	 */
	public RecordedRequest(int sequence, String method, String uri, HttpHeaders headers, String body) {
		this(sequence, "HTTP/1.1", method, uri, headers, body);
	}

	/**
	 * Create a request received over a given protocol.
	 * @param sequence the 1-based position of the request among those the server received
	 * @param protocol the protocol, e.g. {@code HTTP/1.1} or {@code HTTP/2.0}
	 * @param method the HTTP method
	 * @param uri the request target as received, with the query string if any
	 * @param headers the request headers (copied)
	 * @param body the body as text, empty when there was none
	 */
	public RecordedRequest(int sequence, String protocol, String method, String uri, HttpHeaders headers, String body) {
		Assert.hasText(protocol, "protocol must not be empty");
		Assert.hasText(method, "method must not be empty");
		Assert.notNull(uri, "uri must not be null");
		Assert.notNull(headers, "headers must not be null");
		Assert.notNull(body, "body must not be null");
		this.sequence = sequence;
		this.protocol = protocol;
		this.method = method;
		this.uri = uri;
		int query = uri.indexOf('?');
		this.path = (query >= 0) ? uri.substring(0, query) : uri;
		this.endpoint = FakeEndpoint.of(method, this.path);
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
		this.body = body;
		this.json = parse(body);
	}

	/**
	 * Create a {@code POST /v1/chat/completions} request with a JSON body and no headers,
	 * e.g. to unit-test a {@link ChatResponder}.
	 * @param body the JSON body
	 * @return the request
	 */
	public static RecordedRequest chatCompletion(String body) {
		return new RecordedRequest(1, "POST", "/v1" + FakeEndpoint.CHAT_COMPLETIONS.path(), new HttpHeaders(), body);
	}

	private static JsonNode parse(String body) {
		if (body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON_MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * Return the 1-based position of this request among those the server received since
	 * it started or was reset.
	 * @return the sequence number
	 */
	public int sequence() {
		return this.sequence;
	}

	/**
	 * Return the protocol the request arrived with.
	 * @return e.g. {@code HTTP/1.1} or {@code HTTP/2.0}
	 */
	public String protocol() {
		return this.protocol;
	}

	/**
	 * Return the HTTP method.
	 * @return the method, e.g. {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the request target as received.
	 * @return the path and query string
	 */
	public String uri() {
		return this.uri;
	}

	/**
	 * Return the request path.
	 * @return the path without the query string, e.g. {@code /v1/chat/completions}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the endpoint the request was for.
	 * @return the endpoint
	 */
	public FakeEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Return the request headers.
	 * @return the read-only headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header was not sent
	 */
	public @Nullable String header(String name) {
		return this.headers.getFirst(name);
	}

	/**
	 * Return the token of an {@code Authorization: Bearer ...} header.
	 * @return the token, or {@code null} when none was sent
	 */
	public @Nullable String bearerToken() {
		String authorization = header(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).strip();
	}

	/**
	 * Return the body as text.
	 * @return the body, empty when there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * Return the body parsed as JSON.
	 * @return the tree; a {@link MissingNode} when the body is empty or not JSON
	 */
	public JsonNode json() {
		return this.json;
	}

	/**
	 * Return the requested model.
	 * @return the {@code model} field, or {@code null} when absent
	 */
	public @Nullable String model() {
		return text(this.json.get("model"));
	}

	/**
	 * Whether a stream was asked for.
	 * @return {@code true} when the body has {@code "stream": true}
	 */
	public boolean isStream() {
		return this.json.path("stream").asBoolean(false);
	}

	/**
	 * Whether usage was asked for at the end of a stream.
	 * @return {@code true} when the body has {@code "stream_options": {"include_usage":
	 * true}}
	 */
	public boolean includeUsage() {
		return this.json.path("stream_options").path("include_usage").asBoolean(false);
	}

	/**
	 * Return the chat messages.
	 * @return the elements of the {@code messages} array, empty when there is none
	 */
	public List<JsonNode> messages() {
		JsonNode messages = this.json.get("messages");
		if (messages == null || !messages.isArray()) {
			return Collections.emptyList();
		}
		List<JsonNode> result = new ArrayList<>(messages.size());
		messages.forEach(result::add);
		return Collections.unmodifiableList(result);
	}

	/**
	 * Return the role of the last message.
	 * @return the role, e.g. {@code tool}, or {@code null} when there are no messages
	 */
	public @Nullable String lastMessageRole() {
		List<JsonNode> messages = messages();
		return messages.isEmpty() ? null : text(messages.get(messages.size() - 1).get("role"));
	}

	/**
	 * Return the text of the last user message; the text parts are joined when the
	 * content is an array.
	 * @return the text, or {@code null} when there is no user message
	 */
	public @Nullable String lastUserMessage() {
		JsonNode message = lastMessageWithRole("user");
		return (message != null) ? textOf(message) : null;
	}

	/**
	 * Return the text of a message: its {@code content} string, or its text parts joined.
	 * @param message a message of the {@code messages} array
	 * @return the text, empty when it has none
	 */
	public static String textOf(JsonNode message) {
		JsonNode content = message.get("content");
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		if (content.isArray()) {
			for (JsonNode part : content) {
				if (part.isString()) {
					text.append(part.stringValue());
				}
				else if (part.path("text").isString()) {
					text.append(part.path("text").stringValue());
				}
			}
		}
		return text.toString();
	}

	/**
	 * Return the image URLs of all user messages ({@code image_url} parts), in order.
	 * @return the URLs, possibly {@code data:} URLs
	 */
	public List<String> imageUrls() {
		List<String> urls = new ArrayList<>();
		for (JsonNode message : messages()) {
			JsonNode content = message.get("content");
			if (!"user".equals(text(message.get("role"))) || content == null || !content.isArray()) {
				continue;
			}
			for (JsonNode part : content) {
				JsonNode imageUrl = part.get("image_url");
				String url = (imageUrl != null && imageUrl.isObject()) ? text(imageUrl.get("url")) : text(imageUrl);
				if (url != null) {
					urls.add(url);
				}
			}
		}
		return urls;
	}

	/**
	 * Return the names of the tools offered.
	 * @return the {@code tools[].function.name} values, in order
	 */
	public List<String> toolNames() {
		List<String> names = new ArrayList<>();
		JsonNode tools = this.json.get("tools");
		if (tools != null && tools.isArray()) {
			for (JsonNode tool : tools) {
				String name = text(tool.path("function").get("name"));
				if (name != null) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/**
	 * Whether the conversation contains a tool result ({@code role: tool} message).
	 * @return {@code true} if any message is a tool result
	 */
	public boolean hasToolResult() {
		return !toolResults().isEmpty();
	}

	/**
	 * Whether the conversation ends with a tool result, i.e. the model is asked to use
	 * it.
	 * @return {@code true} when the last message has the role {@code tool}
	 */
	public boolean endsWithToolResult() {
		return "tool".equals(lastMessageRole());
	}

	/**
	 * Return the contents of the tool results, in order.
	 * @return the texts of the {@code role: tool} messages
	 */
	public List<String> toolResults() {
		List<String> results = new ArrayList<>();
		for (JsonNode message : messages()) {
			if ("tool".equals(text(message.get("role")))) {
				results.add(textOf(message));
			}
		}
		return results;
	}

	/**
	 * Return the type of the requested response format.
	 * @return {@code text}, {@code json_object} or {@code json_schema}, or {@code null}
	 * when none was set
	 */
	public @Nullable String responseFormatType() {
		return text(this.json.path("response_format").get("type"));
	}

	/**
	 * Return the JSON schema of a {@code json_schema} response format:
	 * {@code response_format.json_schema.schema} as OpenAI specifies, or
	 * {@code response_format.json_schema} itself when it is a schema (as some providers
	 * document).
	 * @return the schema, or {@code null} when none was sent
	 */
	public @Nullable JsonNode jsonSchema() {
		JsonNode jsonSchema = this.json.path("response_format").get("json_schema");
		if (jsonSchema == null || !jsonSchema.isObject()) {
			return null;
		}
		JsonNode schema = jsonSchema.get("schema");
		if (schema != null && schema.isObject()) {
			return schema;
		}
		return (jsonSchema.has("type") || jsonSchema.has("properties")) ? jsonSchema : null;
	}

	private @Nullable JsonNode lastMessageWithRole(String role) {
		List<JsonNode> messages = messages();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (role.equals(text(messages.get(i).get("role")))) {
				return messages.get(i);
			}
		}
		return null;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	@Override
	public String toString() {
		String excerpt = (this.body.length() > TO_STRING_BODY_LIMIT)
				? this.body.substring(0, TO_STRING_BODY_LIMIT) + "..." : this.body;
		return "RecordedRequest[#" + this.sequence + " " + this.method + " " + this.path + " " + excerpt + "]";
	}

}
