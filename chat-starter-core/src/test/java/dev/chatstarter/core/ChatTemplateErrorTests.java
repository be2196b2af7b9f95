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

package dev.chatstarter.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
import dev.chatstarter.core.http.RetryPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every error shape the seed providers document, retries and timeouts, against WireMock.
 */
class ChatTemplateErrorTests extends WireMockSupport {

	static java.util.stream.Stream<Arguments> errorsInsideHttp200() {
		return java.util.stream.Stream.of(
				// seed 003, bodies as documented
				Arguments.of("{\"codes\":900,\"mess\":\"密钥错误或已过期，请通过微信访问yewu.bcwhkj.cn个人中心获取\",\"data\":\"token\"}",
						ChatAuthenticationException.class, "密钥错误或已过期"),
				Arguments.of("{\"codes\":400,\"mess\":\"非法字符。请勿提交\",\"data\":\"\"}", ChatContentFilterException.class,
						"非法字符"),
				Arguments.of("{\"codes\":402,\"mess\":\"提交问题涉及内容安全，请修改问题\",\"data\":\"\"}",
						ChatContentFilterException.class, "内容安全"),
				Arguments.of("{\"codes\":300,\"mess\":\"当前额度不足，请充值后继续使用\",\"data\":\"\"}", ChatQuotaException.class,
						"额度不足"),
				Arguments.of(
						"{\"error\":{\"code\":502,\"message\":\"Bad gateway.\",\"param\":null,\"type\":\"cf_bad_gateway\"}}",
						ChatServerException.class, "Bad gateway."),
				// seed 004: code/msg with a non-zero code
				Arguments.of("{\"code\":401,\"msg\":\"api_secret_key 无效\"}", ChatAuthenticationException.class,
						"api_secret_key 无效"),
				// one-api / new-api relay with HTTP 200
				Arguments.of(
						"{\"error\":{\"message\":\"user quota is not enough (request id: 2024080621443)\",\"type\":\"one_api_error\",\"code\":\"insufficient_user_quota\"}}",
						ChatQuotaException.class, "user quota is not enough"));
	}

	@ParameterizedTest
	@MethodSource("errorsInsideHttp200")
	void errorsInsideHttp200BodiesAreTyped(String body, Class<? extends ChatException> type, String message) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(body)));

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(type);
		assertThat(ex.getProvider()).isEqualTo("aigc");
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getProviderMessage()).contains(message);
		assertThat(ex.getMessage()).contains("aigc").contains(message);
	}

	@Test
	void authenticationFailureIsNotRetriedAndNeverShowsTheKey() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY
					+ ". You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatAuthenticationException.class);
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getErrorCode()).isEqualTo("invalid_api_key");
		assertThat(ex.getErrorType()).isEqualTo("invalid_request_error");
		assertThat(ex.getProviderMessage()).startsWith("Incorrect API key provided");
		assertThat(ex.getMessage()).doesNotContain(API_KEY);
		assertThat(String.valueOf(ex.getRawExcerpt())).doesNotContain(API_KEY);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void badRequestIsNotRetried() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}")));

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatBadRequestException.class);
		assertThat(ex.getProviderMessage()).contains("max_completion_tokens");
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void cloudflareGatewayPageIsRetriedThenReportedByItsTitle() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><head><title>api2.aigcbest.top | 502: Bad gateway</title></head>"
					+ "<body>Cloudflare Ray ID: 8a1b2c3d4e5f Your IP: 203.0.113.7</body></html>")));

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatServerException.class);
		assertThat(ex.getStatusCode()).isEqualTo(502);
		assertThat(ex.getMessage()).contains("502: Bad gateway").doesNotContain("203.0.113.7");
		wireMock.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void rateLimitHonoursRetryAfterThenSucceeds() {
		wireMock.stubFor(post("/v1/chat/completions").inScenario("429")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("retry-after-ms", "150")
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
			.willSetStateTo("ok"));
		wireMock.stubFor(post("/v1/chat/completions").inScenario("429")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(ChatTemplateCallTests.SEED_000_RESPONSE)));

		assertThat(template().prompt("hi").call().content()).isEqualTo("响应内容");

		var requests = wireMock.getAllServeEvents();
		assertThat(requests).hasSize(2);
		long gap = requests.get(0).getRequest().getLoggedDate().getTime()
				- requests.get(1).getRequest().getLoggedDate().getTime();
		assertThat(Math.abs(gap)).as("waited as Retry-After asked, not the 5-20 ms backoff")
			.isGreaterThanOrEqualTo(140);
	}

	@Test
	void retryAfterBeyondTheCapFailsAtOnce() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "120")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"当前分组上游负载已饱和，请稍后再试\",\"type\":\"new_api_error\"}}")));

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatRateLimitException.class);
		assertThat(((ChatRateLimitException) ex).getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
		assertThat(ex.getProviderMessage()).contains("负载已饱和");
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void emptyBody429IsRateLimit() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)));
		ChatException ex = catchThrowableOfType(ChatException.class,
				() -> templateBuilder().retryPolicy(RetryPolicy.none()).build().prompt("hi").call().content());
		assertThat(ex).isInstanceOf(ChatRateLimitException.class);
		assertThat(ex.getStatusCode()).isEqualTo(429);
	}

	@Test
	void quotaExhaustedIsNotRetried() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}")));
		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());
		assertThat(ex).isInstanceOf(ChatQuotaException.class);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void notJsonIsMalformed() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("hello, not json")));
		ChatException ex = catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content());
		assertThat(ex).isInstanceOf(ChatMalformedResponseException.class);
		assertThat(ex.getMessage()).contains("hello, not json");
	}

	@Test
	void answerWithoutChoicesIsMalformed() {
		wireMock
			.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"x\",\"object\":\"chat.completion\"}")));
		assertThat(catchThrowableOfType(ChatException.class, () -> template().prompt("hi").call().content()))
			.isInstanceOf(ChatMalformedResponseException.class)
			.hasMessageContaining("no choices");
	}

	@Test
	void responseTimeoutIsTypedAndRetried() {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(okJson(ChatTemplateCallTests.SEED_000_RESPONSE).withFixedDelay(1500)));
		ChatTemplate template = templateBuilder().responseTimeout(Duration.ofMillis(200))
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ZERO, 0))
			.build();

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatTimeoutException.class).hasMessageContaining("response-timeout");
		awaitChatRequests(2);
	}

	@Test
	void connectionRefusedIsAConnectionFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ChatTemplate template = templateBuilder().baseUrl("http://127.0.0.1:" + closedPort)
			.retryPolicy(RetryPolicy.none())
			.build();

		ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());

		assertThat(ex).isInstanceOf(ChatConnectionException.class);
		assertThat(ex.getStatusCode()).isZero();
		assertThat(ex.isRetryable()).isTrue();
	}

}
