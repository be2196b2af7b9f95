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
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChatErrorMapperTests {

	private static final String KEY = "key-7f3a9c2e1b4d8f6a0c5e";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatErrorMapper mapper = new ChatErrorMapper("relay", SecretRedactor.of(KEY));

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String openAiError(String message, String type, String code) {
		return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\"" + code
				+ "\"}}";
	}

	static Stream<Arguments> failedResponses() {
		return Stream.of(
				arguments(401,
						openAiError("Incorrect API key provided: sk-abc***xyz.", "invalid_request_error",
								"invalid_api_key"),
						ChatAuthenticationException.class),
				arguments(403,
						"{\"error\":{\"message\":\"该令牌无权使用模型：gpt-4o (request id: 2025021112000011)\",\"type\":\"new_api_error\"}}",
						ChatAuthenticationException.class),
				arguments(403,
						"{\"error\":{\"message\":\"user quota is not enough\",\"type\":\"one_api_error\",\"code\":\"insufficient_user_quota\"}}",
						ChatQuotaException.class),
				arguments(403,
						"{\"error\":{\"message\":\"该令牌额度已用尽 (request id: 2025021112000012)\",\"type\":\"new_api_error\"}}",
						ChatQuotaException.class),
				arguments(402,
						"{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}",
						ChatQuotaException.class),
				arguments(429,
						openAiError("Rate limit reached for gpt-4o on tokens per min (TPM). Please try again in 6ms.",
								"tokens", "rate_limit_exceeded"),
						ChatRateLimitException.class),
				arguments(429,
						openAiError("You exceeded your current quota, please check your plan and billing details.",
								"insufficient_quota", "insufficient_quota"),
						ChatQuotaException.class),
				arguments(429,
						"{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试 (request id: 2025021112000013)\",\"type\":\"new_api_error\"}}",
						ChatRateLimitException.class),
				arguments(429, "", ChatRateLimitException.class), arguments(408, "", ChatTimeoutException.class),
				arguments(409, "{\"error\":{\"message\":\"conflict\"}}", ChatException.class),
				arguments(400,
						openAiError("Unsupported parameter: 'max_tokens'", "invalid_request_error",
								"unsupported_parameter"),
						ChatBadRequestException.class),
				arguments(400,
						"{\"error\":{\"code\":\"data_inspection_failed\",\"param\":null,\"message\":\"Input data may contain inappropriate content.\",\"type\":\"data_inspection_failed\"},\"request_id\":\"5d2f\"}",
						ChatContentFilterException.class),
				arguments(400,
						openAiError("Your request was rejected as a result of our safety system.",
								"invalid_request_error", "content_policy_violation"),
						ChatContentFilterException.class),
				arguments(400,
						"{\"error\":{\"code\":\"1301\",\"message\":\"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。\"}}",
						ChatContentFilterException.class),
				arguments(400, "{\"error\":{\"message\":\"model names are case-sensitive\"}}",
						ChatBadRequestException.class),
				arguments(400, "{\"error\":{\"message\":\"非法参数：temperature\"}}", ChatBadRequestException.class),
				arguments(400, "{\"error\":{\"message\":\"账户已欠费\"}}", ChatQuotaException.class),
				arguments(400,
						"[{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\"}}]",
						ChatAuthenticationException.class),
				arguments(400,
						"{\"code\":20012,\"message\":\"Model does not exist. Please check it carefully.\",\"data\":null}",
						ChatBadRequestException.class),
				arguments(400, "400 status code (no body)", ChatBadRequestException.class),
				arguments(404, "{\"detail\":\"Not Found\"}", ChatBadRequestException.class),
				arguments(413, "", ChatBadRequestException.class),
				arguments(422,
						"{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}",
						ChatBadRequestException.class),
				arguments(500,
						openAiError("The server had an error while processing your request.", "server_error",
								"server_error"),
						ChatServerException.class),
				arguments(502, "Bad Gateway", ChatServerException.class),
				arguments(503,
						"{\"error\":{\"message\":\"当前分组 default 下对于模型 gpt-4o 无可用渠道\",\"type\":\"new_api_error\"}}",
						ChatServerException.class),
				arguments(504, "", ChatServerException.class),
				arguments(520, ErrorBodies.CLOUDFLARE_520, ChatServerException.class),
				arguments(524, ErrorBodies.CLOUDFLARE_520.replace("520: Web server is returning an unknown error",
						"524: A timeout occurred"), ChatServerException.class));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("failedResponses")
	void fromResponseClassifiesByStatusThenContent(int status, String body, Class<?> expected) {
		ChatException ex = this.mapper.fromResponse(status, json(), ErrorBodies.bytes(body));
		assertThat(ex).isExactlyInstanceOf(expected);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getProvider()).isEqualTo("relay");
	}

	@ParameterizedTest
	@CsvSource({ "408, true", "409, true", "429, true", "500, true", "502, true", "520, true", "524, true",
			"400, false", "401, false", "402, false", "403, false", "404, false", "422, false" })
	void retryableFollowsStatus(int status, boolean retryable) {
		assertThat(this.mapper.fromResponse(status, new HttpHeaders(), new byte[0]).isRetryable()).isEqualTo(retryable);
	}

	@Test
	void fromResponseFillsDetails() {
		ChatException ex = this.mapper.fromResponse(400, json(), ErrorBodies.bytes(
				openAiError("Unsupported parameter: 'max_tokens'", "invalid_request_error", "unsupported_parameter")));
		ErrorDetails details = ex.getDetails();
		assertThat(details.provider()).isEqualTo("relay");
		assertThat(details.status()).isEqualTo(400);
		assertThat(details.providerMessage()).isEqualTo("Unsupported parameter: 'max_tokens'");
		assertThat(details.code()).isEqualTo("unsupported_parameter");
		assertThat(details.type()).isEqualTo("invalid_request_error");
		assertThat(details.rawExcerpt()).startsWith("{\"error\":{\"message\":\"Unsupported parameter");
		assertThat(ex.getMessage()).isEqualTo("Provider 'relay' answered HTTP 400 (request rejected): "
				+ "Unsupported parameter: 'max_tokens' [code=unsupported_parameter, type=invalid_request_error]");
	}

	@Test
	void fromResponseKeepsOneApiChineseMessageWithRequestId() {
		ChatException ex = this.mapper.fromResponse(503, json(), ErrorBodies.bytes(ErrorBodies.NEW_API_NO_CHANNEL));
		String message = "当前分组 default 下对于模型 gpt-4o 无可用渠道 (request id: 20240806214436917505976hvsFC5y2)";
		assertThat(ex).isExactlyInstanceOf(ChatServerException.class);
		assertThat(ex.getProviderMessage()).isEqualTo(message);
		assertThat(ex.getRequestId()).isEqualTo("20240806214436917505976hvsFC5y2");
		assertThat(ex.getMessage()).contains(message).doesNotContain("requestId=");
	}

	@Test
	void fromResponseReportsDashScopeRequestId() {
		String body = "{\"error\":{\"code\":\"invalid_parameter_error\",\"param\":null,\"message\":\"<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]\",\"type\":\"invalid_request_error\"},\"id\":\"chatcmpl-8a1f\",\"request_id\":\"8a1f5c2e-0b3d-9e7a-b6c4-d5e4f3a2b1c0\"}";
		ChatException ex = this.mapper.fromResponse(400, json(), ErrorBodies.bytes(body));
		assertThat(ex).isExactlyInstanceOf(ChatBadRequestException.class);
		assertThat(ex.getRequestId()).isEqualTo("8a1f5c2e-0b3d-9e7a-b6c4-d5e4f3a2b1c0");
		assertThat(ex.getMessage()).endsWith(
				"[code=invalid_parameter_error, type=invalid_request_error, requestId=8a1f5c2e-0b3d-9e7a-b6c4-d5e4f3a2b1c0]");
	}

	@Test
	void fromResponseTakesRequestIdFromHeadersWhenBodyHasNone() {
		HttpHeaders headers = json();
		headers.set("X-Oneapi-Request-Id", "202502211200001234");
		ChatException ex = this.mapper.fromResponse(500, headers,
				ErrorBodies.bytes("{\"error\":{\"message\":\"boom\"}}"));
		assertThat(ex.getRequestId()).isEqualTo("202502211200001234");
	}

	@Test
	void fromResponseReducesCloudflarePageToTitleWithoutClientIp() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_HTML);
		ChatException ex = this.mapper.fromResponse(520, headers, ErrorBodies.bytes(ErrorBodies.CLOUDFLARE_520));
		assertThat(ex).isExactlyInstanceOf(ChatServerException.class);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getProviderMessage())
			.isEqualTo("api.example.com | 520: Web server is returning an unknown error");
		assertThat(ex.getRawExcerpt()).isEqualTo(ex.getProviderMessage());
		assertThat(ex.getMessage()).contains("520: Web server is returning an unknown error")
			.doesNotContain(ErrorBodies.CLIENT_IP)
			.doesNotContain("<");
	}

	@Test
	void fromResponseOfEmpty429IsRateLimitWithRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "7");
		ChatException ex = this.mapper.fromResponse(429, headers, new byte[0]);
		assertThat(ex).isExactlyInstanceOf(ChatRateLimitException.class);
		assertThat(((ChatRateLimitException) ex).getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(ex.getProviderMessage()).isNull();
		assertThat(ex.getRawExcerpt()).isNull();
		assertThat(ex.getMessage()).isEqualTo("Provider 'relay' answered HTTP 429 (rate limited)");
	}

	@Test
	void fromResponseOfPlainText502() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_PLAIN);
		ChatException ex = this.mapper.fromResponse(502, headers, ErrorBodies.bytes("error code: 502\n"));
		assertThat(ex).isExactlyInstanceOf(ChatServerException.class);
		assertThat(ex.getProviderMessage()).isEqualTo("error code: 502");
	}

	@Test
	void fromResponseToleratesDeepSeekLeadingBlankLines() {
		String body = "\n\n\n\n{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}";
		ChatException ex = this.mapper.fromResponse(402, json(), ErrorBodies.bytes(body));
		assertThat(ex).isExactlyInstanceOf(ChatQuotaException.class);
		assertThat(ex.getProviderMessage()).isEqualTo("Insufficient Balance");
	}

	@Test
	void fromResponseWithMalformedContentTypeStillMaps() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "this is not a media type");
		ChatException ex = this.mapper.fromResponse(500, headers, ErrorBodies.bytes("{\"error\":\"boom\"}"));
		assertThat(ex).isExactlyInstanceOf(ChatServerException.class);
		assertThat(ex.getProviderMessage()).isEqualTo("boom");
	}

	static Stream<Arguments> inBodyErrors() {
		return Stream.of(
				arguments("seed 003 codes 900", ErrorBodies.SEED_003_BAD_KEY, ChatAuthenticationException.class),
				arguments("seed 003 codes 400", ErrorBodies.SEED_003_ILLEGAL, ChatContentFilterException.class),
				arguments("seed 003 codes 402", ErrorBodies.SEED_003_CONTENT_SAFETY, ChatContentFilterException.class),
				arguments("seed 003 codes 300", ErrorBodies.SEED_003_NO_QUOTA, ChatQuotaException.class),
				arguments("seed 003 cf_bad_gateway", ErrorBodies.SEED_003_BAD_GATEWAY, ChatServerException.class),
				arguments("seed 004 style code 401", "{\"code\":401,\"msg\":\"api_secret_key无效\"}",
						ChatAuthenticationException.class),
				arguments("seed 004 style code 500", "{\"code\":500,\"msg\":\"服务繁忙\"}", ChatServerException.class),
				arguments("seed 004 style vendor code", "{\"code\":10001,\"msg\":\"token已过期\"}",
						ChatAuthenticationException.class),
				arguments("vLLM on RunPod, flat with 200",
						"{\"object\":\"error\",\"message\":\"This model's maximum context length is 2048 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
						ChatBadRequestException.class),
				arguments("vLLM stream error event",
						"{\"error\": {\"message\": \"TimeoutError\", \"type\": \"GatewayTimeout\", \"code\": 504}}",
						ChatServerException.class),
				arguments("OpenRouter stream error event",
						"{\"error\":{\"code\":429,\"message\":\"Provider returned error\",\"metadata\":{}}}",
						ChatRateLimitException.class),
				arguments("one-api upstream error with 200",
						"{\"error\":{\"message\":\"bad response status code 502\",\"type\":\"upstream_error\",\"param\":\"502\",\"code\":\"bad_response_status_code\"}}",
						ChatServerException.class),
				arguments("OpenAI key error with 200",
						openAiError("Incorrect API key provided: sk-abc***xyz.", "invalid_request_error",
								"invalid_api_key"),
						ChatAuthenticationException.class),
				arguments("insufficient quota with 200",
						openAiError("You exceeded your current quota.", "insufficient_quota", "insufficient_quota"),
						ChatQuotaException.class),
				arguments("rate limit words", "{\"msg\":\"请求过于频繁，请稍后再试\"}", ChatRateLimitException.class),
				arguments("LM Studio error string",
						"{\"error\":\"Unexpected endpoint or method. (POST /v1/chat/completion)\"}",
						ChatException.class),
				arguments("SiliconFlow with 200",
						"{\"code\":20012,\"message\":\"Model does not exist. Please check it carefully.\",\"data\":null}",
						ChatException.class),
				arguments("tokens are not a token", "{\"error\":{\"message\":\"max_tokens is invalid\"}}",
						ChatException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inBodyErrors")
	void fromSuccessBodyClassifiesInBodyError(String name, String body, Class<?> expected) {
		ChatException ex = this.mapper.fromSuccessBody(200, json(), JSON.readTree(body));
		assertThat(ex).isExactlyInstanceOf(expected);
		assertThat(ex.getStatusCode()).isEqualTo(200);
	}

	@Test
	void fromSuccessBodyOfUnknownErrorIsNotRetryable() {
		ChatException ex = this.mapper.fromSuccessBody(200, json(), JSON.readTree("{\"error\":{\"message\":\"odd\"}}"));
		assertThat(ex).isExactlyInstanceOf(ChatException.class);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).isEqualTo("Provider 'relay' answered HTTP 200: odd");
	}

	@Test
	void fromSuccessBodyKeepsSeedMessageAndCode() {
		ChatException ex = this.mapper.fromSuccessBody(200, json(), JSON.readTree(ErrorBodies.SEED_003_NO_QUOTA));
		assertThat(ex.getProviderMessage()).isEqualTo("当前额度不足，请充值后继续使用");
		assertThat(ex.getErrorCode()).isEqualTo("300");
		assertThat(ex.getRawExcerpt()).isEqualTo(ErrorBodies.SEED_003_NO_QUOTA);
	}

	@Test
	void fromSuccessBodyUsesRetryAfterOfInBodyRateLimit() {
		HttpHeaders headers = json();
		headers.set("retry-after-ms", "250");
		ChatException ex = this.mapper.fromSuccessBody(200, headers,
				JSON.readTree("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}"));
		assertThat(ex).isInstanceOfSatisfying(ChatRateLimitException.class,
				(rateLimit) -> assertThat(rateLimit.getRetryAfter()).isEqualTo(Duration.ofMillis(250)));
	}

	@ParameterizedTest
	@ValueSource(strings = { ErrorBodies.SEED_003_SUCCESS, ErrorBodies.OPENAI_COMPLETION,
			"{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}" })
	void fromSuccessBodyOfNormalAnswerIsNull(String body) {
		assertThat(this.mapper.fromSuccessBody(200, json(), JSON.readTree(body))).isNull();
	}

	@Test
	void fromSuccessBodyOfSeed004SuccessSampleIsNull() {
		assertThat(this.mapper.fromSuccessBody(200, json(), JSON.readTree(ErrorBodies.SEED_004_SUCCESS))).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "error, ChatServerException", "abort, ChatServerException", "network_error, ChatServerException",
			"ERROR, ChatServerException", "sensitive, ChatContentFilterException" })
	void fromFinishReasonMapsNonStandardReasons(String reason, String expected) {
		ChatException ex = this.mapper.fromFinishReason(reason);
		assertThat(ex).isNotNull();
		assertThat(ex.getClass().getSimpleName()).isEqualTo(expected);
		assertThat(ex.getErrorCode()).isEqualTo(reason.toLowerCase());
		assertThat(ex.getMessage()).contains("finish_reason '" + reason.toLowerCase() + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "stop", "length", "tool_calls", "content_filter", "function_call", "eos", "" })
	void fromFinishReasonIgnoresStandardAndUnknownReasons(String reason) {
		assertThat(this.mapper.fromFinishReason(reason)).isNull();
	}

	private static WebClientRequestException requestFailure(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.POST,
				URI.create("https://api.example.com/v1/chat/completions?key=" + KEY), new HttpHeaders());
	}

	static Stream<Arguments> transportFailures() {
		return Stream.of(arguments(new ConnectException("Connection refused"), ChatConnectionException.class),
				arguments(new UnknownHostException("api.example.com"), ChatConnectionException.class),
				arguments(new AbortedException("Connection has been closed BEFORE send operation"),
						ChatConnectionException.class),
				arguments(PrematureCloseException.TEST_EXCEPTION, ChatConnectionException.class),
				arguments(new SSLHandshakeException("PKIX path building failed"), ChatConnectionException.class),
				arguments(new IOException("Connection reset by peer"), ChatConnectionException.class),
				arguments(new ConnectTimeoutException("connection timed out after 10000 ms"),
						ChatTimeoutException.class),
				arguments(ReadTimeoutException.INSTANCE, ChatTimeoutException.class),
				arguments(new TimeoutException("Did not observe any item within 60000ms"), ChatTimeoutException.class),
				arguments(new IllegalStateException("pool exhausted"), ChatConnectionException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transportFailures")
	void fromTransportFailureWalksTheCauseChain(Throwable cause, Class<?> expected) {
		WebClientRequestException failure = requestFailure(new RuntimeException("wrapper", cause));
		ChatException ex = this.mapper.fromTransportFailure(failure, "POST", failure.getUri());
		assertThat(ex).isExactlyInstanceOf(expected);
		assertThat(ex.getCause()).isSameAs(failure);
		assertThat(ex.getStatusCode()).isZero();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getProviderMessage()).startsWith(cause.getClass().getSimpleName())
			.endsWith("(POST https://api.example.com/v1/chat/completions)");
	}

	@Test
	void fromTransportFailureOfUnknownFailureNamesItsClassAndMessage() {
		ChatException ex = this.mapper.fromTransportFailure(new IllegalStateException("pool exhausted"));
		assertThat(ex).isExactlyInstanceOf(ChatConnectionException.class);
		assertThat(ex.getMessage())
			.isEqualTo("Provider 'relay' failed (connection failed): IllegalStateException: pool exhausted");
	}

	@Test
	void fromTransportFailurePassesChatExceptionThrough() {
		ChatException original = new ChatQuotaException(ErrorDetails.local("relay", "no money"), null);
		assertThat(this.mapper.fromTransportFailure(original)).isSameAs(original);
		assertThat(this.mapper.fromTransportFailure(new RuntimeException(original))).isSameAs(original);
	}

	@Test
	void fromTransportFailureOfUndecodableBodyIsMalformed() {
		JacksonException parseFailure = (JacksonException) catchThrowable(() -> JSON.readTree("{\"choices\": [tru"));
		ChatException ex = this.mapper.fromTransportFailure(new RuntimeException(parseFailure));
		assertThat(ex).isExactlyInstanceOf(ChatMalformedResponseException.class);
		assertThat(ex.getCause()).isSameAs(parseFailure);
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void fromTransportFailureRedactsTheKey() {
		ChatException ex = this.mapper.fromTransportFailure(
				requestFailure(new IllegalArgumentException("bad header Authorization: Bearer " + KEY)));
		assertThat(ex.getMessage()).doesNotContain(KEY).contains("Bearer ******").doesNotContain("?key=");
	}

	@Test
	void malformedDescribesWhatAndCause() {
		JacksonException parseFailure = (JacksonException) catchThrowable(() -> JSON.readTree("{\"choices\": [tru"));
		ChatMalformedResponseException ex = this.mapper.malformed("the answer is not JSON", parseFailure,
				ErrorBodies.bytes("{\"choices\": [tru " + KEY));
		assertThat(ex.getCause()).isSameAs(parseFailure);
		assertThat(ex.getProviderMessage())
			.startsWith("the answer is not JSON; the body starts with: {\"choices\": [tru ******")
			.contains("(StreamReadException")
			.doesNotContain("\n");
		assertThat(ex.getRawExcerpt()).isEqualTo("{\"choices\": [tru ******");
		assertThat(ex.getMessage()).startsWith("Provider 'relay' failed (malformed response): the answer is not JSON");
	}

	@Test
	void malformedWithoutCauseOrBody() {
		ChatMalformedResponseException ex = this.mapper.malformed("no choices in the response", null, null);
		assertThat(ex.getProviderMessage()).isEqualTo("no choices in the response");
		assertThat(ex.getRawExcerpt()).isNull();
	}

	@Test
	void retryAfterMsComesFirst() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("retry-after-ms", "1500");
		headers.set(HttpHeaders.RETRY_AFTER, "30");
		assertThat(ChatErrorMapper.retryAfter(headers)).isEqualTo(Duration.ofMillis(1500));
	}

	@ParameterizedTest
	@CsvSource({ "30, PT30S", "1.5, PT1.5S", "0, PT0S", " 12 , PT12S" })
	void retryAfterInSeconds(String value, Duration expected) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		assertThat(ChatErrorMapper.retryAfter(headers)).isEqualTo(expected);
	}

	@Test
	void retryAfterAsHttpDateIsRelativeToNow() {
		Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(ChatErrorMapper.retryAfter(headers, clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void retryAfterAsPastHttpDateIsZero() {
		Clock clock = Clock.fixed(Instant.parse("2015-10-21T08:00:00Z"), ZoneOffset.UTC);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(ChatErrorMapper.retryAfter(headers, clock)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "-5", "1e3", "" })
	void retryAfterIgnoresUnusableValues(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		headers.set("retry-after-ms", "later");
		assertThat(ChatErrorMapper.retryAfter(headers)).isNull();
	}

	@Test
	void retryAfterWithoutHeadersIsNull() {
		assertThat(ChatErrorMapper.retryAfter(new HttpHeaders())).isNull();
	}

	static Stream<Arguments> bodiesEchoingTheKey() {
		String longText = "x".repeat(270) + " the key " + KEY + " was rejected " + "y".repeat(300);
		return Stream.of(
				arguments(401,
						openAiError("Incorrect API key provided: " + KEY + ".", "invalid_request_error",
								"invalid_api_key")),
				arguments(401,
						"{\"error\":{\"message\":\"bad key\",\"type\":\"" + KEY + "\",\"code\":\"" + KEY + "\"}}"),
				arguments(400, "Authorization header " + KEY + " is malformed"), arguments(500, longText),
				arguments(500, "<html><head><title>Error for " + KEY + "</title></head></html>"),
				arguments(401, "{\"error\":{\"message\":\"bad key\"},\"request_id\":\"" + KEY + "\"}"),
				arguments(200, "{\"codes\":900,\"mess\":\"密钥" + KEY + "错误或已过期\",\"data\":\"token\"}"));
	}

	@ParameterizedTest
	@MethodSource("bodiesEchoingTheKey")
	void theKeyNeverAppearsInTheException(int status, String body) {
		ChatException ex = this.mapper.fromResponse(status, json(), ErrorBodies.bytes(body));
		String keyStart = KEY.substring(0, 12);
		assertThat(ex.getMessage()).doesNotContain(keyStart);
		assertThat(ex.toString()).doesNotContain(keyStart);
		assertThat(ex.getDetails().toString()).doesNotContain(keyStart);
		assertThat(ex.getMessage()).contains("******");
	}

	@Test
	void theKeyNeverAppearsInAnInBodyError() {
		JsonNode body = JSON.readTree("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
		ChatException ex = this.mapper.fromSuccessBody(200, json(), body);
		assertThat(ex.getDetails().toString()).doesNotContain(KEY);
		assertThat(ex.getMessage()).doesNotContain(KEY).contains("Incorrect API key provided: ******");
	}

	static Stream<Arguments> c14Bodies() {
		return Stream.of(arguments("codes 900, key expired or wrong", 200,
				"{\"codes\":900,\"mess\":\"the key has expired or is wrong\"}", ChatAuthenticationException.class),
				arguments("code 40001, invalid access token", 200, "{\"code\":40001,\"msg\":\"invalid access token\"}",
						ChatAuthenticationException.class),
				arguments("500 insufficient_quota", 500,
						openAiError("You exceeded your current quota", "insufficient_quota", "insufficient_quota"),
						ChatQuotaException.class),
				arguments("503 余额不足", 503, "{\"error\":{\"message\":\"账户余额不足\"}}", ChatQuotaException.class),
				arguments("429 request too large", 429,
						openAiError(
								"Request too large for gpt-4o on tokens per min (TPM): Limit 30000, Requested 50000.",
								"tokens", "rate_limit_exceeded"),
						ChatBadRequestException.class),
				arguments("400 quoting user text with sensitive", 400,
						openAiError("Invalid value for 'messages[0].content': 'please keep my sensitive data'",
								"invalid_request_error", "invalid_value"),
						ChatBadRequestException.class),
				arguments("400 content filter by type", 400,
						"{\"error\":{\"message\":\"blocked\",\"type\":\"sensitive\"}}",
						ChatContentFilterException.class),
				arguments("prompt token count is invalid", 200,
						"{\"error\":{\"message\":\"the prompt token count is invalid for this model\"}}",
						ChatException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("c14Bodies")
	void classifiesTheBodiesTheReviewFoundMisclassified(String name, int status, String body,
			Class<? extends ChatException> expected) {
		ChatException ex = (status == 200) ? this.mapper.fromSuccessBody(200, json(), JSON.readTree(body))
				: this.mapper.fromResponse(status, json(), ErrorBodies.bytes(body));
		assertThat(ex).isExactlyInstanceOf(expected);
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void transportFailureChainsShowNoUrlCredentialsOrKey() {
		URI uri = URI.create("http://admin:PASS@127.0.0.1:1/v1/chat/completions?key=Q" + KEY);
		WebClientRequestException failure = new WebClientRequestException(
				new ConnectException("Connection refused: http://admin:PASS@127.0.0.1:1/v1?key=Q " + KEY),
				HttpMethod.POST, uri, new HttpHeaders());
		failure.addSuppressed(new IllegalStateException("while calling " + uri));
		ChatException ex = this.mapper.fromTransportFailure(failure, "POST", uri);
		assertThat(ex).isInstanceOf(ChatConnectionException.class);
		for (Throwable link = ex; link != null; link = link.getCause()) {
			assertThat(link.toString()).doesNotContain("PASS", "key=Q", KEY);
			for (Throwable suppressed : link.getSuppressed()) {
				assertThat(suppressed.toString()).doesNotContain("PASS", "key=Q", KEY);
			}
		}
		assertThat(ex.getCause().toString()).startsWith(WebClientRequestException.class.getName());
	}

	@Test
	void cleanCauseChainsKeepTheirTypes() {
		ConnectException failure = new ConnectException("Connection refused");
		assertThat(this.mapper.fromTransportFailure(failure).getCause()).isSameAs(failure);
	}

}
