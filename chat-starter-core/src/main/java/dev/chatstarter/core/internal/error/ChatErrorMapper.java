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

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatContentFilterException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.error.ChatQuotaException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.error.ProviderError;
import dev.chatstarter.core.http.BaseUrl;

/**
 * The one place that turns a failed provider call into the {@link ChatException}
 * hierarchy: failed responses, errors hidden in a 2xx body or an SSE event, non-standard
 * finish reasons and transport failures. Classification goes by HTTP status first, then
 * by the provider's code, type and message (English and Chinese keywords). Every text is
 * redacted with the provider's {@link SecretRedactor}. One instance per provider;
 * thread-safe.
 */
public final class ChatErrorMapper {

	private static final String[] REQUEST_ID_HEADERS = { "x-request-id", "x-oneapi-request-id", "request-id" };

	/**
	 * A non-negative decimal number; possessive, so a long run of digits is matched in
	 * linear time.
	 */
	private static final Pattern NUMBER = Pattern.compile("[0-9]++(?:\\.[0-9]++)?|\\.[0-9]++");

	private static final String[] CONTENT_FILTER_MARKERS = { "content_filter", "content_policy",
			"data_inspection_failed", "safety system", "responsibleaipolicyviolation", "content management policy",
			"内容安全", "敏感" };

	/** "sensitive" but not "case-sensitive" or "insensitive". */
	private static final Pattern SENSITIVE = Pattern.compile("(?<!case[- ])(?<!in)sensitive");

	/**
	 * Words that make {@code 非法} ("illegal") mean a malformed request rather than
	 * forbidden content.
	 */
	private static final String[] ILLEGAL_REQUEST_WORDS = { "参数", "格式", "param", "json", "模型", "model" };

	private static final String[] INSUFFICIENT_QUOTA_MARKERS = { "insufficient_quota", "insufficient_user_quota",
			"exceeded your current quota", "not_enough_balance", "insufficient balance", "insufficient_balance",
			"insufficient credit", "credit balance is too low", "arrearage", "余额不足", "欠费" };

	/**
	 * A request over a per-minute token limit by itself: sending it again cannot succeed.
	 */
	private static final String[] REQUEST_TOO_LARGE_MARKERS = { "request too large", "request_too_large",
			"too large for" };

	/**
	 * How much of each of an error's code, type and message the keyword tests read, in
	 * characters. The words that classify an error come first; a provider's 16 MB message
	 * is not scanned to its end.
	 */
	private static final int SIGNAL_LIMIT = 8 * 1024;

	private static final String[] QUOTA_MARKERS = { "quota", "balance", "credit", "billing", "余额", "额度", "欠费" };

	private static final String[] RATE_LIMIT_MARKERS = { "rate limit", "rate_limit", "ratelimit", "too many requests",
			"请求过于频繁", "负载已饱和", "限流" };

	private static final String[] API_KEY_MARKERS = { "invalid api key", "incorrect api key", "invalid_api_key",
			"invalid api-key", "invalidapikey", "api key not valid", "api_key_invalid" };

	private static final String[] AUTHENTICATION_MARKERS = { "unauthorized", "authentication", "permission denied",
			"api key", "密钥", "令牌" };

	/**
	 * A token (not "tokens", not "max_tokens", not a "token count" or "token limit") said
	 * to be invalid or expired. Every repetition is bounded, so a match attempt costs a
	 * bounded number of steps: linear over the text.
	 */
	private static final Pattern BAD_TOKEN = Pattern.compile("(?:invalid|expired|revoked|无效|过期)\\W{0,3}"
			+ "(?:(?:api|access|auth|bearer|refresh|session)\\W?)?(?<![a-z_])token(?![a-z_])"
			+ "|(?<![a-z_])(?<!prompt )(?<!completion )(?<!max )token(?![a-z_])"
			+ "(?!\\W{0,3}(?:count|limit|length|number|usage|budget|size))[^'\"`]{0,30}(?:invalid|expired|revoked|无效|过期)");

	/**
	 * A key (not "keyword", not a quoted JSON key) said to be invalid, wrong or expired:
	 * {@code "the key has expired or is wrong"}. Only read in errors inside a 2xx body,
	 * where no status says what failed.
	 */
	private static final Pattern BAD_KEY = Pattern.compile("(?:invalid|expired|wrong|incorrect|revoked)\\W{0,3}"
			+ "(?:api\\W?|access\\W?|secret\\W?)?(?<![a-z_])key(?![a-z_])"
			+ "|(?<![a-z_])key(?![a-z_])[^'\"`\\[]{0,30}(?:invalid|expired|wrong|incorrect|revoked|not valid)");

	private static final String[] GATEWAY_MARKERS = { "cf_bad_gateway", "upstream_error", "bad gateway", "bad_gateway",
			"bad_response_status_code", "gateway timeout", "service unavailable", "server_error",
			"internal server error", "internal_error", "overloaded", "请求上游地址失败", "无可用渠道", "上游" };

	private final String provider;

	private final SecretRedactor redactor;

	/**
	 * Create a mapper for one provider.
	 * @param provider the configured provider name, shown in every exception
	 * @param redactor removes the provider's API key from every text
	 */
	public ChatErrorMapper(String provider, SecretRedactor redactor) {
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(redactor, "redactor must not be null");
		this.provider = provider;
		this.redactor = redactor;
	}

	/**
	 * Return a mapper that also removes the secrets of one call (a tenant's own key).
	 * @param callSecrets removes the call's secrets
	 * @return the mapper
	 */
	public ChatErrorMapper and(SecretRedactor callSecrets) {
		return new ChatErrorMapper(this.provider, this.redactor.and(callSecrets));
	}

	/**
	 * Map a non-2xx response.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the raw response body, possibly empty
	 * @return the exception to raise
	 */
	public ChatException fromResponse(int status, HttpHeaders headers, byte[] body) {
		MediaType contentType = contentType(headers);
		String text = this.redactor.redact(ProviderErrorParser.decode(body, contentType));
		ProviderErrorParser.ParsedBody parsed;
		try {
			parsed = ProviderErrorParser.parse(text, contentType);
		}
		catch (RuntimeException ex) {
			parsed = new ProviderErrorParser.ParsedBody(ProviderError.empty(), "");
		}
		ProviderError error = parsed.error();
		ErrorDetails details = details(status, error, headers, parsed.excerpt());
		Signals signals = new Signals(error);
		Kind kind = (status >= 200 && status < 300) ? kindInBody(error, signals) : kindForStatus(status, signals);
		return create(kind, details, headers);
	}

	/**
	 * Map an error hidden in a 2xx body, or in a {@code data:} event of a stream.
	 * @param status the HTTP status of the response (200 for a stream event)
	 * @param headers the response headers
	 * @param body the parsed body or event
	 * @return the exception to raise, or {@code null} when the body is a normal answer
	 */
	public @Nullable ChatException fromSuccessBody(int status, HttpHeaders headers, JsonNode body) {
		ProviderError error = ProviderErrorParser.fromJson(body);
		if (error == null) {
			return null;
		}
		String excerpt = ProviderErrorParser.excerptOf(this.redactor.redact(body.toString()));
		ErrorDetails details = details(status, error, headers, excerpt);
		Signals signals = new Signals(error);
		Kind kind = (status >= 400) ? kindForStatus(status, signals) : kindInBody(error, signals);
		return create(kind, details, headers);
	}

	/**
	 * Map a non-standard terminal finish reason: {@code error}, {@code abort} and
	 * {@code network_error} (the provider failed mid-answer) and {@code sensitive}
	 * (Zhipu's content filter). Standard and unknown reasons are not failures.
	 * @param finishReason the finish reason of a choice
	 * @return the exception to raise, or {@code null} when the reason is not a failure
	 */
	public @Nullable ChatException fromFinishReason(String finishReason) {
		String reason = finishReason.strip().toLowerCase(Locale.ROOT);
		switch (reason) {
			case "error":
			case "abort":
			case "network_error":
				return new ChatServerException(finishDetails(reason), null);
			case "sensitive":
				return new ChatContentFilterException(finishDetails(reason), null);
			default:
				return null;
		}
	}

	private ErrorDetails finishDetails(String reason) {
		return new ErrorDetails(this.provider, 200, "the answer ended with finish_reason '" + reason + "'", reason,
				null, null);
	}

	/**
	 * Map a failure without a usable response: connection refused or reset, DNS, TLS,
	 * timeouts. The cause chain is searched; a {@link ChatException} in it is returned
	 * unchanged, a body that could not be decoded becomes a
	 * {@link ChatMalformedResponseException}. Error responses never get here: a
	 * {@link dev.chatstarter.core.http.ProviderConnection} hands them to its handler like
	 * any other answer.
	 * @param failure what the HTTP client raised
	 * @return the exception to raise
	 */
	public ChatException fromTransportFailure(Throwable failure) {
		return fromTransportFailure(failure, null);
	}

	/**
	 * Map a failure without a usable response, like
	 * {@link #fromTransportFailure(Throwable)}, naming the request that failed when the
	 * failure itself does not.
	 * @param failure what the HTTP client raised
	 * @param method the request's method, e.g. {@code POST}
	 * @param uri the request's URI; its query is left out of the message
	 * @return the exception to raise
	 */
	public ChatException fromTransportFailure(Throwable failure, String method, URI uri) {
		return fromTransportFailure(failure, describeRequest(method, uri));
	}

	private ChatException fromTransportFailure(Throwable failure, @Nullable String request) {
		List<Throwable> chain = causeChain(failure);
		for (Throwable link : chain) {
			if (link instanceof ChatException) {
				return (ChatException) link;
			}
		}
		for (Throwable link : chain) {
			if (isTimeout(link)) {
				return new ChatTimeoutException(localDetails(link, request), clean(failure));
			}
		}
		for (Throwable link : chain) {
			if (isConnectionFailure(link)) {
				return new ChatConnectionException(localDetails(link, request), clean(failure));
			}
		}
		for (Throwable link : chain) {
			if (link instanceof JacksonException || link instanceof DecodingException) {
				return malformed("the response could not be decoded", link, null);
			}
		}
		Throwable root = chain.get(chain.size() - 1);
		return new ChatConnectionException(localDetails(root, request), clean(failure));
	}

	/**
	 * Create the exception for a response that is not a valid chat completion.
	 * @param what what was wrong, e.g. {@code "no choices in the response"}
	 * @param cause the parse failure, if any
	 * @param body the offending body, if available
	 * @return the exception to raise
	 */
	public ChatMalformedResponseException malformed(String what, @Nullable Throwable cause, byte @Nullable [] body) {
		String excerpt = (body != null)
				? this.redactor
					.redact(ProviderErrorParser.excerptOf(this.redactor.redact(ProviderErrorParser.decode(body, null))))
				: "";
		String message = excerpt.isEmpty() ? what : what + "; the body starts with: " + excerpt;
		if (cause != null) {
			message = message + " (" + describe(cause) + ")";
		}
		ErrorDetails details = new ErrorDetails(this.provider, 0, RedactedCause.redact(message, this.redactor), null,
				null, excerpt.isEmpty() ? null : excerpt);
		return new ChatMalformedResponseException(details, clean(cause));
	}

	/**
	 * Return how long the provider asked to wait: {@code retry-after-ms} (milliseconds),
	 * else {@code Retry-After} in seconds (fractions allowed) or as an HTTP date (the
	 * time left from now, never negative).
	 * @param headers the response headers
	 * @return the wait, or {@code null} when no usable header was sent
	 */
	public static @Nullable Duration retryAfter(HttpHeaders headers) {
		return retryAfter(headers, Clock.systemUTC());
	}

	static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		Duration millis = amount(headers.getFirst("retry-after-ms"), 1_000_000L);
		if (millis != null) {
			return millis;
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration seconds = amount(value, 1_000_000_000L);
		if (seconds != null) {
			return seconds;
		}
		try {
			ZonedDateTime date = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
			if (date == null) {
				return null;
			}
			Duration left = Duration.between(clock.instant(), date.toInstant());
			return left.isNegative() ? Duration.ZERO : left;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Duration amount(@Nullable String value, long nanosPerUnit) {
		if (value == null || value.length() > 64 || !NUMBER.matcher(value.strip()).matches()) {
			return null;
		}
		double nanos = Double.parseDouble(value.strip()) * nanosPerUnit;
		return Duration.ofNanos((nanos >= Long.MAX_VALUE) ? Long.MAX_VALUE : (long) nanos);
	}

	private Kind kindForStatus(int status, Signals signals) {
		if (status == 401 || status == 403) {
			return signals.quota() ? Kind.QUOTA : Kind.AUTHENTICATION;
		}
		if (status == 402) {
			return Kind.QUOTA;
		}
		if (status == 429) {
			if (signals.insufficientQuota()) {
				return Kind.QUOTA;
			}
			return signals.requestTooLarge() ? Kind.BAD_REQUEST : Kind.RATE_LIMIT;
		}
		if (status == 408) {
			return Kind.TIMEOUT;
		}
		if (status == 409) {
			return Kind.GENERIC;
		}
		if (status >= 400 && status < 500) {
			if (signals.contentFilter()) {
				return Kind.CONTENT_FILTER;
			}
			if (signals.quota()) {
				return Kind.QUOTA;
			}
			return signals.invalidApiKey() ? Kind.AUTHENTICATION : Kind.BAD_REQUEST;
		}
		if (status >= 500) {
			// a relay that wraps "insufficient_quota" in a 5xx: retrying or cooling down
			// cannot help
			return signals.insufficientQuota() ? Kind.QUOTA : Kind.SERVER;
		}
		return Kind.GENERIC;
	}

	/**
	 * An error inside a 2xx body: its own code when that is an HTTP status, else
	 * keywords. Content-filter words win over the code because vendors put arbitrary
	 * numbers there ({@code "codes":402} for a blocked prompt).
	 * @param error the error the 2xx body holds
	 * @param signals the keyword tests over the error's code, type and message
	 * @return the kind of exception to raise
	 */
	private Kind kindInBody(ProviderError error, Signals signals) {
		if (signals.contentFilter()) {
			return Kind.CONTENT_FILTER;
		}
		Integer code = error.numericCode();
		if (code != null && code >= 400 && code <= 599) {
			return kindForStatus(code, signals);
		}
		if (signals.insufficientQuota()) {
			return Kind.QUOTA;
		}
		if (signals.rateLimit()) {
			return Kind.RATE_LIMIT;
		}
		if (signals.quota()) {
			return Kind.QUOTA;
		}
		if (signals.authentication()) {
			return Kind.AUTHENTICATION;
		}
		return signals.gateway() ? Kind.SERVER : Kind.GENERIC;
	}

	private ChatException create(Kind kind, ErrorDetails details, HttpHeaders headers) {
		switch (kind) {
			case AUTHENTICATION:
				return new ChatAuthenticationException(details, null);
			case QUOTA:
				return new ChatQuotaException(details, null);
			case RATE_LIMIT:
				return new ChatRateLimitException(details, retryAfter(headers), null);
			case TIMEOUT:
				return new ChatTimeoutException(details, null);
			case CONTENT_FILTER:
				return new ChatContentFilterException(details, null);
			case BAD_REQUEST:
				return new ChatBadRequestException(details, null);
			case SERVER:
				return new ChatServerException(details, null);
			default:
				return new ChatException(details, null);
		}
	}

	private ErrorDetails details(int status, ProviderError error, HttpHeaders headers, String excerpt) {
		String requestId = error.requestId();
		for (int i = 0; requestId == null && i < REQUEST_ID_HEADERS.length; i++) {
			requestId = headers.getFirst(REQUEST_ID_HEADERS[i]);
		}
		// the excerpt was cut from the raw text, where a secret may stand escaped: it is
		// redacted again as it is shown
		String shownExcerpt = this.redactor.redact(excerpt);
		return new ErrorDetails(this.provider, status, this.redactor.redactNullable(error.message()),
				this.redactor.redactNullable(error.code()), this.redactor.redactNullable(error.type()),
				shownExcerpt.isEmpty() ? null : shownExcerpt, this.redactor.redactNullable(requestId));
	}

	private ErrorDetails localDetails(Throwable failure, @Nullable String where) {
		String message = describe(failure);
		if (where != null) {
			message = message + " (" + where + ")";
		}
		return ErrorDetails.local(this.provider, RedactedCause.redact(message, this.redactor));
	}

	/**
	 * The failure to attach to an exception: itself when its chain shows no secret and no
	 * URL credentials, else a redacted copy.
	 * @param failure the failure to attach, may be {@code null}
	 * @return the failure or its redacted copy; {@code null} when the failure is
	 * {@code null}
	 */
	private @Nullable Throwable clean(@Nullable Throwable failure) {
		return RedactedCause.clean(failure, this.redactor);
	}

	/**
	 * The class and the first line of the message of a failure.
	 * @param failure the failure to describe
	 * @return the failure's simple class name and the first line of its message, cut
	 * after {@link ProviderErrorParser#EXCERPT_LIMIT} characters
	 */
	private static String describe(Throwable failure) {
		String name = failure.getClass().getSimpleName();
		if (name.isEmpty()) {
			name = failure.getClass().getName();
		}
		String message = failure.getMessage();
		if (message == null || message.isBlank()) {
			return name;
		}
		int newline = message.indexOf('\n');
		String firstLine = ((newline >= 0) ? message.substring(0, newline) : message).strip();
		if (firstLine.length() > ProviderErrorParser.EXCERPT_LIMIT) {
			firstLine = firstLine.substring(0, ProviderErrorParser.EXCERPT_LIMIT) + "...";
		}
		return name + ": " + firstLine;
	}

	/**
	 * The method and URL of the failed request, without its query string (which may hold
	 * a key).
	 * @param method the HTTP method of the request
	 * @param uri the URI of the request
	 * @return the method and the redacted URL, without query string
	 */
	private static String describeRequest(String method, URI uri) {
		return method + " " + BaseUrl.redacted(uri.toString());
	}

	private static boolean isTimeout(Throwable failure) {
		return failure instanceof TimeoutException || failure instanceof ConnectTimeoutException
				|| failure instanceof io.netty.handler.timeout.TimeoutException
				|| failure instanceof SocketTimeoutException;
	}

	private static boolean isConnectionFailure(Throwable failure) {
		return failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof AbortedException || failure instanceof PrematureCloseException
				|| failure instanceof SSLException || failure instanceof IOException;
	}

	private static List<Throwable> causeChain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable current = failure;
		while (current != null && seen.add(current) && chain.size() < 32) {
			chain.add(current);
			current = current.getCause();
		}
		return chain;
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What kind of exception a failure becomes.
	 */
	private enum Kind {

		AUTHENTICATION, QUOTA, RATE_LIMIT, TIMEOUT, CONTENT_FILTER, BAD_REQUEST, SERVER, GENERIC

	}

	/**
	 * The keyword tests over an error's code, type and message, lower-cased once.
	 */
	private static final class Signals {

		private final String text;

		/**
		 * The code and type only: what the provider itself says the error is, never
		 * quoted user text.
		 */
		private final String codeAndType;

		private final @Nullable String code;

		Signals(ProviderError error) {
			this.codeAndType = lowerCased(error.code(), error.type());
			this.text = this.codeAndType + lowerCased(error.message());
			this.code = error.code();
		}

		private static String lowerCased(@Nullable String... parts) {
			StringBuilder text = new StringBuilder();
			for (String part : parts) {
				if (part != null) {
					String head = (part.length() > SIGNAL_LIMIT) ? part.substring(0, SIGNAL_LIMIT) : part;
					text.append(head.toLowerCase(Locale.ROOT)).append(' ');
				}
			}
			return text.toString();
		}

		/**
		 * Content-filter markers anywhere, or the plain word "sensitive" in the code or
		 * type. In a message, "sensitive" is too often the user's own text quoted back
		 * ("Invalid value: 'my sensitive data'").
		 * @return whether the error says the provider's content filter blocked the
		 * request or the answer
		 */
		boolean contentFilter() {
			if (containsAny(CONTENT_FILTER_MARKERS) || SENSITIVE.matcher(this.codeAndType).find()
					|| "1301".equals(this.code)) {
				return true;
			}
			return this.text.contains("非法") && !containsAny(ILLEGAL_REQUEST_WORDS);
		}

		boolean requestTooLarge() {
			return containsAny(REQUEST_TOO_LARGE_MARKERS);
		}

		boolean insufficientQuota() {
			return containsAny(INSUFFICIENT_QUOTA_MARKERS);
		}

		boolean quota() {
			return containsAny(QUOTA_MARKERS);
		}

		boolean rateLimit() {
			return containsAny(RATE_LIMIT_MARKERS);
		}

		boolean invalidApiKey() {
			return containsAny(API_KEY_MARKERS);
		}

		boolean authentication() {
			return invalidApiKey() || containsAny(AUTHENTICATION_MARKERS) || BAD_TOKEN.matcher(this.text).find()
					|| BAD_KEY.matcher(this.text).find();
		}

		boolean gateway() {
			return containsAny(GATEWAY_MARKERS);
		}

		private boolean containsAny(String[] markers) {
			for (String marker : markers) {
				if (this.text.contains(marker)) {
					return true;
				}
			}
			return false;
		}

	}

}
