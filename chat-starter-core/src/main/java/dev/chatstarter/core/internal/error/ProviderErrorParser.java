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

package dev.chatstarter.core.internal.error;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ProviderError;
import dev.chatstarter.core.internal.http.sse.SseEvent;
import dev.chatstarter.core.internal.http.sse.SseParser;
import dev.chatstarter.core.internal.text.ProviderText;

/**
 * Recognises every error body shape seen from OpenAI-compatible providers and relays and
 * turns it into a {@link ProviderError}: OpenAI {@code {"error":{...}}} (code as string,
 * number or null), {@code {"error":"text"}}, vLLM's flat {@code {"object":"error",...}},
 * vendor envelopes such as {@code {"code":N,"msg":...}}, {@code {"codes":N,"mess":...}},
 * SiliconFlow {@code {"code":20012,"message":...}}, FastAPI {@code {"detail":...}},
 * {@code {"reason":...,"message":...}}, DashScope's {@code request_id}, one-api/new-api's
 * {@code (request id: ...)} suffix, and non-JSON bodies (HTML gateway pages reduced to
 * their title, plain text, empty bodies).
 * <p>
 * The texts returned are not redacted; {@link ChatErrorMapper} does that.
 */
public final class ProviderErrorParser {

	/**
	 * The longest excerpt of a raw body, in characters.
	 */
	public static final int EXCERPT_LIMIT = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] MESSAGE_FIELDS = { "message", "msg", "mess", "err", "error_msg", "errmsg",
			"error_message", "errorMessage", "detail" };

	private static final String[] CODE_FIELDS = { "code", "codes", "error_code", "errcode", "reason" };

	private static final String[] TYPE_FIELDS = { "type", "error_type" };

	private static final String[] REQUEST_ID_FIELDS = { "request_id", "requestId", "request-id" };

	private static final Pattern REQUEST_ID_SUFFIX = Pattern.compile("\\(request id:\\s*([^)\\s]+)\\s*\\)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * How much of the end of a message is searched for a relay's
	 * {@code (request id: ...)} suffix.
	 */
	private static final int REQUEST_ID_SCAN_LIMIT = 1024;

	/**
	 * How much of an HTML page is searched for its title or first heading, in characters.
	 * Gateway pages put them near the top; the rest of a page (up to the answer size
	 * limit) is never scanned.
	 */
	static final int HTML_SCAN_LIMIT = 64 * 1024;

	private static final String[] SUMMARY_ELEMENTS = { "title", "h1" };

	private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9.])");

	private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"",
			"&#39;", "'", "&apos;", "'", "&nbsp;", " ", "&#124;", "|");

	private static final String HTML_WITHOUT_TITLE = "(HTML page without a title)";

	private ProviderErrorParser() {
	}

	/**
	 * Return the error in a JSON body, or {@code null} when the body is a normal answer.
	 * A body with a non-empty {@code choices} array is never an error unless it also has
	 * an {@code error} object.
	 * @param body the parsed body (or one SSE event)
	 * @return the error, or {@code null} when the body is not an error shape
	 */
	public static @Nullable ProviderError fromJson(JsonNode body) {
		if (body.isArray()) {
			// Gemini's compatible endpoint answers [{"error":{...}}]
			JsonNode first = (body.size() == 1) ? body.get(0) : null;
			return (first != null && first.isObject() && isErrorObject(first.get("error"))) ? fromJson(first) : null;
		}
		if (!body.isObject()) {
			return null;
		}
		JsonNode error = body.get("error");
		if (isErrorObject(error)) {
			return fromErrorObject(error, body);
		}
		if (hasChoices(body)) {
			return null;
		}
		if (error != null
				&& (error.isString() && !error.stringValue().isBlank() || error.isBoolean() && error.booleanValue())) {
			return fromErrorString(error, body);
		}
		JsonNode header = body.get("header");
		if (header != null && header.isObject() && isFailure(header)) {
			return fromFlat(header, body);
		}
		return isFailure(body) ? fromFlat(body, body) : null;
	}

	/**
	 * Return the error in the body of a failed response, whatever its format: JSON
	 * (leading blank lines allowed), an SSE {@code data:} line, HTML (reduced to its
	 * title, never the raw page), plain text (a trimmed excerpt) or nothing. Never
	 * throws.
	 * @param body the raw body, possibly empty
	 * @param contentType the response content type, if known
	 * @return the error; {@link ProviderError#empty()} when the body says nothing useful
	 */
	public static ProviderError fromBody(byte @Nullable [] body, @Nullable MediaType contentType) {
		try {
			return fromText(decode(body, contentType), contentType);
		}
		catch (RuntimeException ex) {
			return ProviderError.empty();
		}
	}

	/**
	 * Return a short single-line excerpt of a raw body: at most {@value #EXCERPT_LIMIT}
	 * characters, whitespace collapsed, HTML reduced to its title.
	 * @param body the raw body, possibly empty
	 * @return the excerpt, empty for an empty body
	 */
	public static String excerpt(byte @Nullable [] body) {
		try {
			return excerptOf(decode(body, null));
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	static ProviderError fromText(String decoded, @Nullable MediaType contentType) {
		return parse(decoded, contentType).error();
	}

	/**
	 * Parse a decoded body into the error it reports and the excerpt to show, each
	 * computed once.
	 * @param decoded the body, decoded to text
	 * @param contentType the content type of the response, if it declared one
	 * @return the error the body reports and the excerpt to show
	 */
	static ParsedBody parse(String decoded, @Nullable MediaType contentType) {
		String text = decoded.strip();
		if (text.isEmpty()) {
			return new ParsedBody(ProviderError.empty(), "");
		}
		if (text.startsWith("data:")) {
			text = firstDataValue(text);
		}
		char first = text.charAt(0);
		if (first == '{' || first == '[' || first == '"') {
			JsonNode node = tryParse(text);
			if (node != null) {
				return new ParsedBody(fromFailedJson(node), singleLine(text));
			}
		}
		if (first == '<' || (isHtml(contentType) && text.indexOf('<') >= 0)) {
			String summary = htmlSummary(text);
			return new ParsedBody(ProviderError.ofMessage(summary), (summary != null) ? summary : HTML_WITHOUT_TITLE);
		}
		String line = singleLine(text);
		return new ParsedBody(ProviderError.ofMessage(line), line);
	}

	static String excerptOf(String decoded) {
		String text = decoded.strip();
		if (text.startsWith("<")) {
			String summary = htmlSummary(text);
			return (summary != null) ? summary : HTML_WITHOUT_TITLE;
		}
		return singleLine(text);
	}

	static String decode(byte @Nullable [] body, @Nullable MediaType contentType) {
		if (body == null || body.length == 0) {
			return "";
		}
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		String text = new String(body, charset);
		return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
	}

	private static ProviderError fromFailedJson(JsonNode node) {
		ProviderError error = fromJson(node);
		if (error != null) {
			return error;
		}
		if (node.isString()) {
			return ProviderError.ofMessage(text(node));
		}
		// the status already says it failed: take whatever the body offers, even with a
		// "success" code
		return node.isObject() ? fromFlat(node, node) : ProviderError.empty();
	}

	/**
	 * Whether an {@code error} member reports a failure: an object with a non-success
	 * code or any other non-blank field. {@code {"error":{}}},
	 * {@code {"error":{"code":0,"message":""}}} and an object of nulls, which some relays
	 * send beside {@code choices}, are not failures.
	 * @param error the value of the {@code error} member, {@code null} when missing
	 * @return whether the member reports a failure
	 */
	private static boolean isErrorObject(@Nullable JsonNode error) {
		if (error == null || !error.isObject()) {
			return false;
		}
		for (Map.Entry<String, JsonNode> field : error.properties()) {
			JsonNode value = field.getValue();
			if ("code".equals(field.getKey()) ? !isSuccessCode(value) : text(value) != null) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasChoices(JsonNode body) {
		JsonNode choices = body.get("choices");
		return choices != null && choices.isArray() && !choices.isEmpty();
	}

	private static boolean isFailure(JsonNode node) {
		if ("error".equals(text(node.get("object")))) {
			return true;
		}
		JsonNode success = node.get("success");
		if (success != null && (success.isBoolean() || "true".equals(text(success)) || "false".equals(text(success)))) {
			return !(success.isBoolean() ? success.booleanValue() : "true".equals(text(success)));
		}
		JsonNode code = first(node, CODE_FIELDS);
		if (code != null) {
			return !isSuccessCode(code);
		}
		for (String field : MESSAGE_FIELDS) {
			JsonNode value = node.get(field);
			if (value != null && !value.isNull() && (value.isString() || !"message".equals(field))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSuccessCode(JsonNode code) {
		if (code.isNumber()) {
			return code.canConvertToInt() && (code.intValue() == 0 || code.intValue() == 200);
		}
		String text = text(code);
		if (text == null) {
			return true;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return isZeros(lower) || lower.equals("200") || lower.equals("ok") || lower.equals("success");
	}

	/**
	 * {@code "0"}, {@code "0000"}, {@code "00000"}: the success codes of many gateways.
	 * @param code the code, lower-cased
	 * @return whether the code is one to eight zeros
	 */
	private static boolean isZeros(String code) {
		if (code.isEmpty() || code.length() > 8) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			if (code.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

	private static ProviderError fromErrorObject(JsonNode error, JsonNode root) {
		String message = text(first(error, "message", "msg", "error_msg", "detail"));
		String type = text(first(error, "type", "status"));
		String requestId = firstText(error, REQUEST_ID_FIELDS);
		if (requestId == null) {
			requestId = firstText(root, REQUEST_ID_FIELDS);
		}
		return create(message, text(error.get("code")), type, text(error.get("param")), requestId);
	}

	private static ProviderError fromErrorString(JsonNode error, JsonNode root) {
		// Spring-style {"error":"Bad Request","message":"..."}: the message is the more
		// specific text
		JsonNode messageNode = root.get("message");
		String message = (messageNode != null && messageNode.isString()) ? text(messageNode) : null;
		if (message == null) {
			message = error.isString() ? error.stringValue().strip() : detailText(root);
		}
		JsonNode code = first(root, CODE_FIELDS);
		if (code == null) {
			code = root.get("status");
		}
		return create(message, text(code), firstText(root, TYPE_FIELDS), text(root.get("param")),
				firstText(root, REQUEST_ID_FIELDS));
	}

	private static ProviderError fromFlat(JsonNode node, JsonNode root) {
		String param = text(node.get("param"));
		JsonNode data = node.get("data");
		if (param == null && data != null && data.isString()) {
			param = text(data);
		}
		String requestId = firstText(node, REQUEST_ID_FIELDS);
		if (requestId == null) {
			requestId = firstText(root, REQUEST_ID_FIELDS);
		}
		return create(detailText(node), text(first(node, CODE_FIELDS)), firstText(node, TYPE_FIELDS), param, requestId);
	}

	private static ProviderError create(@Nullable String message, @Nullable String code, @Nullable String type,
			@Nullable String param, @Nullable String requestId) {
		String id = requestId;
		if (id == null && message != null) {
			// the suffix ends the message: only its tail is searched
			int from = Math.max(0, message.length() - REQUEST_ID_SCAN_LIMIT);
			Matcher matcher = REQUEST_ID_SUFFIX.matcher(message).region(from, message.length());
			while (matcher.find()) {
				id = matcher.group(1);
			}
		}
		return new ProviderError(message, code, type, param, id);
	}

	/**
	 * The message of a flat body: the first message-like field, with FastAPI's validation
	 * list made readable.
	 * @param node the flat error body
	 * @return the message, or {@code null} when the body has none
	 */
	private static @Nullable String detailText(JsonNode node) {
		for (String field : MESSAGE_FIELDS) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull() || ("message".equals(field) && value.isContainer())) {
				continue;
			}
			if (value.isArray()) {
				return validationText(value);
			}
			if (value.isObject()) {
				String inner = text(first(value, "message", "msg"));
				return (inner != null) ? inner : text(value);
			}
			String text = text(value);
			if (text != null) {
				return text;
			}
		}
		return text(node.get("description"));
	}

	private static @Nullable String validationText(JsonNode items) {
		StringJoiner joiner = new StringJoiner("; ");
		for (JsonNode item : items) {
			String msg = item.isObject() ? text(item.get("msg")) : null;
			if (msg == null) {
				joiner.add(String.valueOf(text(item)));
				continue;
			}
			JsonNode loc = item.get("loc");
			if (loc != null && loc.isArray() && !loc.isEmpty()) {
				StringJoiner path = new StringJoiner(".");
				loc.forEach((part) -> path.add(String.valueOf(text(part))));
				joiner.add(path + ": " + msg);
			}
			else {
				joiner.add(msg);
			}
		}
		return (joiner.length() > 0) ? joiner.toString() : null;
	}

	private static @Nullable JsonNode first(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && !value.isNull()) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String firstText(JsonNode node, String... fields) {
		return text(first(node, fields));
	}

	/**
	 * The text of a value: strings as they are, numbers and booleans as written,
	 * containers as compact JSON; {@code null} for null, missing or blank values.
	 * @param node the value, {@code null} when missing
	 * @return the value's text, stripped, or {@code null}
	 */
	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		String text;
		if (node.isString()) {
			text = node.stringValue();
		}
		else if (node.isValueNode()) {
			text = node.asString();
		}
		else {
			text = node.toString();
		}
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable JsonNode tryParse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The data of the first non-empty event of an SSE body that was sent with a failure
	 * status, read by the same {@link SseParser} that reads streams; the text itself when
	 * it holds no such event.
	 * @param text the body, stripped, starting with {@code data:}
	 * @return the data of the first non-empty event, stripped, or the text itself
	 */
	private static String firstDataValue(String text) {
		SseParser parser = new SseParser();
		List<SseEvent> events = new ArrayList<>(parser.feed(text.getBytes(StandardCharsets.UTF_8)));
		events.addAll(parser.finish());
		for (SseEvent event : events) {
			String data = event.data().strip();
			if (!data.isEmpty()) {
				return data;
			}
		}
		return text;
	}

	private static boolean isHtml(@Nullable MediaType contentType) {
		return contentType != null && (contentType.isCompatibleWith(MediaType.TEXT_HTML)
				|| contentType.isCompatibleWith(MediaType.APPLICATION_XHTML_XML));
	}

	/**
	 * The title (or first heading) of an HTML page, without tags or IP addresses;
	 * {@code null} when it has none. Gateway pages (Cloudflare 5xx) show the client's IP
	 * address in the body, so the body itself is never kept. Only the first
	 * {@value #HTML_SCAN_LIMIT} characters are searched, by linear scans (no regular
	 * expression), so an adversarial page (unclosed tags, millions of {@code <}) costs
	 * time proportional to that prefix at most.
	 * @param html the page, stripped
	 * @return the title or first heading on one line, or {@code null}
	 */
	private static @Nullable String htmlSummary(String html) {
		String head = (html.length() > HTML_SCAN_LIMIT) ? html.substring(0, HTML_SCAN_LIMIT) : html;
		for (String element : SUMMARY_ELEMENTS) {
			String content = elementContent(head, element);
			if (content != null) {
				String text = stripTags(content);
				for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
					text = text.replace(entity.getKey(), entity.getValue());
				}
				text = singleLine(IPV4.matcher(text).replaceAll("x.x.x.x"));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * The text between the first <code>&lt;element ...&gt;</code> and the
	 * <code>&lt;/element&gt;</code> that follows it, or {@code null}. When the first
	 * opening tag has no closing tag after it, no later one can have either, so one
	 * attempt is enough.
	 * @param html the start of the page to search
	 * @param element the lower-case name of the element
	 * @return the element's content, tags included, or {@code null} when the page has no
	 * such element or it is not closed
	 */
	private static @Nullable String elementContent(String html, String element) {
		String open = "<" + element;
		int from = 0;
		while (true) {
			int start = indexOfIgnoreCase(html, open, from);
			if (start < 0) {
				return null;
			}
			int afterName = start + open.length();
			if (afterName < html.length() && Character.isLetterOrDigit(html.charAt(afterName))) {
				from = afterName; // <titlebar>, <h10>
				continue;
			}
			int contentStart = html.indexOf('>', afterName);
			if (contentStart < 0) {
				return null;
			}
			int end = indexOfIgnoreCase(html, "</" + element, contentStart + 1);
			return (end < 0) ? null : html.substring(contentStart + 1, end);
		}
	}

	private static int indexOfIgnoreCase(String text, String lowerCaseNeedle, int from) {
		int last = text.length() - lowerCaseNeedle.length();
		char first = lowerCaseNeedle.charAt(0);
		for (int i = Math.max(from, 0); i <= last; i++) {
			if (text.charAt(i) == first && text.regionMatches(true, i, lowerCaseNeedle, 0, lowerCaseNeedle.length())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Replace each {@code <...>} with a space; a {@code <} without a closing {@code >} is
	 * kept as text. Linear: once no {@code >} follows, none follows any later {@code <}
	 * either.
	 * @param html the HTML text
	 * @return the text with its tags replaced by spaces
	 */
	private static String stripTags(String html) {
		StringBuilder text = new StringBuilder(html.length());
		int i = 0;
		while (i < html.length()) {
			int open = html.indexOf('<', i);
			if (open < 0) {
				break;
			}
			int close = html.indexOf('>', open + 1);
			if (close < 0) {
				break;
			}
			text.append(html, i, open).append(' ');
			i = close + 1;
		}
		return text.append(html, i, html.length()).toString();
	}

	/**
	 * The text on one line, runs of whitespace and control characters collapsed to one
	 * space, cut to {@value #EXCERPT_LIMIT} characters. Only as much of the text as the
	 * result needs is read.
	 * @param text the text to shorten
	 * @return the text on one line, at most {@value #EXCERPT_LIMIT} characters long
	 */
	static String singleLine(String text) {
		StringBuilder line = new StringBuilder(Math.min(text.length(), EXCERPT_LIMIT + 1));
		boolean space = false;
		for (int i = 0; i < text.length() && line.length() <= EXCERPT_LIMIT; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
					|| ProviderText.isLineBreakOrFormat(c)) {
				space = line.length() > 0;
				continue;
			}
			if (space) {
				line.append(' ');
				space = false;
			}
			line.append(c);
		}
		if (line.length() <= EXCERPT_LIMIT) {
			return line.toString();
		}
		int end = EXCERPT_LIMIT - 3;
		if (Character.isHighSurrogate(line.charAt(end - 1))) {
			end--;
		}
		return line.substring(0, end) + "...";
	}

	/**
	 * A parsed error body: the error it reports and a short excerpt of it.
	 *
	 * @param error the error the body reports
	 * @param excerpt the body on one line and bounded (or an HTML page's title), to show
	 * in messages
	 */
	record ParsedBody(ProviderError error, String excerpt) {
	}

}
