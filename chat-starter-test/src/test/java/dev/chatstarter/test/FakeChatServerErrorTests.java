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

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatContentFilterException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.error.ChatQuotaException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.http.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every scripted failure of {@link FakeChatServer} surfaces as the core's typed
 * {@link ChatException}.
 */
class FakeChatServerErrorTests extends FakeChatServerSupport {

	/** Seed 003: the vendor's own error shape, sent with HTTP 200. */
	static final String SEED_003_BAD_KEY = "{\"codes\":900,\"mess\":\"密钥错误或已过期，请通过微信访问yewu.bcwhkj.cn个人中心获取\",\"data\":\"token\"}";

	static final String CLOUDFLARE_520 = """
			<!DOCTYPE html>
			<html><head><title>example.invalid | 520: Web server is returning an unknown error</title></head>
			<body>Ray ID: 8a1b2c3d4e5f · Your IP: 203.0.113.7</body></html>""";

	private ChatException callFailure(FakeResponse response) {
		server.enqueue(response);
		try {
			template().prompt("hi").call().content();
		}
		catch (ChatException ex) {
			return ex;
		}
		throw new AssertionError("the call did not fail");
	}

	@Test
	void openAiAuthenticationError() {
		ChatException failure = callFailure(FakeResponse.openAiError(401, "Incorrect API key provided"));

		assertThat(failure).isInstanceOf(ChatAuthenticationException.class);
		assertThat(failure.getStatusCode()).isEqualTo(401);
		assertThat(failure.getProviderMessage()).isEqualTo("Incorrect API key provided");
		assertThat(failure.getMessage()).doesNotContain(API_KEY);
	}

	@Test
	void seed003ErrorInsideHttp200() {
		ChatException failure = callFailure(FakeResponse.error(200, SEED_003_BAD_KEY));

		assertThat(failure).isInstanceOf(ChatAuthenticationException.class);
		assertThat(failure.getProviderMessage()).contains("密钥错误或已过期");
	}

	@Test
	void seed003ContentSafetyInsideHttp200() {
		ChatException failure = callFailure(
				FakeResponse.error(200, "{\"codes\":402,\"mess\":\"提交问题涉及内容安全，请修改问题\",\"data\":\"\"}"));

		assertThat(failure).isInstanceOf(ChatContentFilterException.class);
	}

	@Test
	void rateLimitWithRetryAfterAndEmptyBody() {
		ChatException failure = callFailure(FakeResponse.error(429, "").header("Retry-After", "7"));

		assertThat(failure).isInstanceOfSatisfying(ChatRateLimitException.class,
				(rateLimit) -> assertThat(rateLimit.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void insufficientQuota() {
		ChatException failure = callFailure(FakeResponse.error(429,
				"""
						{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"""));

		assertThat(failure).isInstanceOf(ChatQuotaException.class);
	}

	@Test
	void cloudflareHtmlPage() {
		ChatException failure = callFailure(FakeResponse.error(520, CLOUDFLARE_520));

		assertThat(failure).isInstanceOf(ChatServerException.class);
		assertThat(failure.getStatusCode()).isEqualTo(520);
		assertThat(failure.getMessage()).contains("520: Web server is returning an unknown error")
			.doesNotContain("203.0.113.7");
	}

	@Test
	void plainTextBadRequest() {
		ChatException failure = callFailure(FakeResponse.error(400, "Message index[2] content should be string"));

		assertThat(failure).isInstanceOf(ChatBadRequestException.class);
		assertThat(failure.getMessage()).contains("content should be string");
	}

	@Test
	void nonStandardFinishReason() {
		ChatException failure = callFailure(FakeResponse.text("partial").finishReason("sensitive"));

		assertThat(failure).isInstanceOf(ChatContentFilterException.class);
	}

	@Test
	void failingResponderAnswers500() {
		server.responder((request) -> {
			throw new IllegalArgumentException("boom");
		});

		assertThatExceptionOfType(ChatServerException.class).isThrownBy(() -> template().prompt("hi").call().content())
			.satisfies((ex) -> assertThat(ex.getProviderMessage()).contains("boom"));
	}

	@Test
	void errorInsideAStreamAfterSomeChunks() {
		server.enqueue(FakeResponse.errorInStream(
				"{\"error\":{\"message\":\"TimeoutError\",\"type\":\"GatewayTimeout\",\"code\":504}}", "partial",
				" answer"));

		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("partial", " answer")
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(ChatServerException.class).hasMessageContaining("TimeoutError"))
			.verify();
		assertThat(server.requestCount()).isEqualTo(1);
	}

	@Test
	void errorInStreamAnswersABlockingRequestWithTheErrorInHttp200() {
		ChatException failure = callFailure(FakeResponse
			.errorInStream("{\"error\":{\"message\":\"upstream failed\",\"type\":\"upstream_error\"}}"));

		assertThat(failure).isInstanceOf(ChatServerException.class);
		assertThat(failure.getStatusCode()).isEqualTo(200);
	}

	@Test
	void cutStreamIsIncomplete() {
		server.enqueue(FakeResponse.cutStream("Once", " upon"));

		StepVerifier.create(template().prompt("Tell a story").stream().content())
			.expectNext("Once", " upon")
			.expectError(ChatIncompleteStreamException.class)
			.verify();
	}

	@Test
	void cutBlockingAnswerIsMalformed() {
		ChatException failure = callFailure(FakeResponse.cutStream("Once", " upon", " a", " time"));

		assertThat(failure).isInstanceOf(ChatMalformedResponseException.class);
	}

	@Test
	void delayBeyondTheResponseTimeoutTimesOut() {
		server.enqueue(FakeResponse.text("too late").delay(Duration.ofSeconds(2)));
		ChatTemplate impatient = templateBuilder().responseTimeout(Duration.ofMillis(200)).build();

		assertThatExceptionOfType(ChatTimeoutException.class).isThrownBy(() -> impatient.prompt("hi").call().content())
			.withMessageContaining("response-timeout");
	}

	@Test
	void delayWithinTheResponseTimeoutAnswers() {
		server.enqueue(FakeResponse.text("worth the wait").delay(Duration.ofMillis(100)));

		assertThat(template().prompt("hi").call().content()).isEqualTo("worth the wait");
	}

	@Test
	void chunkDelayBeyondTheIdleTimeoutTimesOutMidStream() {
		server.enqueue(FakeResponse.text("slow words here").chunkDelay(Duration.ofSeconds(2)));
		ChatTemplate impatient = templateBuilder().streamIdleTimeout(Duration.ofMillis(300)).build();

		StepVerifier.create(impatient.prompt("hi").stream().content())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
				.hasMessageContaining("stream-idle-timeout"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void chunkDelayWithinTheIdleTimeoutStreamsEverything() {
		server.enqueue(FakeResponse.stream("a", "b", "c").chunkDelay(Duration.ofMillis(30)));

		StepVerifier.create(template().prompt("hi").stream().content()).expectNext("a", "b", "c").verifyComplete();
	}

	@Test
	void retryableFailureThenSuccess() {
		server.enqueue(FakeResponse.error(503, "<html><title>503 Service Unavailable</title></html>"),
				FakeResponse.text("recovered"));
		ChatTemplate retrying = templateBuilder()
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1), 0))
			.build();

		assertThat(retrying.prompt("hi").call().content()).isEqualTo("recovered");
		assertThat(server.requestCount()).isEqualTo(2);
	}

}
