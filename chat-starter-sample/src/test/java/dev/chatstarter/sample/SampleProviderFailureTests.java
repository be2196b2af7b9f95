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

package dev.chatstarter.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.sample.SampleHttp.Response;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.spring.FakeChatProvider;
import dev.chatstarter.test.spring.FakeChatServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with three providers at once: the demo provider (the default), a scripted
 * relay that fails in every way a real one does, and a slow one with a short response
 * timeout. Each failure must come back as the documented problem response, with the
 * relay's own message and never its key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo.enabled=true", "chat.default-provider=demo",
				"chat.providers.relay.api-key=sk-relay-secret-0123456789abcdef", "chat.providers.relay.model=gpt-4o",
				"chat.providers.relay.retry.max-attempts=2", "chat.providers.relay.retry.initial-backoff=10ms",
				"chat.providers.slow.response-timeout=300ms", "chat.providers.slow.retry.max-attempts=1",
				"chat.providers.down.base-url=http://admin:URLPASSWORD123@127.0.0.1:1/v1",
				"chat.providers.down.retry.max-attempts=1" })
@FakeChatProvider(name = "relay", apiKey = "sk-relay-secret-0123456789abcdef")
@FakeChatProvider(name = "slow")
class SampleProviderFailureTests {

	private static final String KEY = "sk-relay-secret-0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	FakeChatServers servers;

	private FakeChatServer relay() {
		return this.servers.get("relay");
	}

	@BeforeEach
	void reset() {
		this.servers.resetAll();
	}

	private Response chat(String message) {
		return new SampleHttp(this.port).get("/chat?provider=relay&message=" + SampleHttp.encode(message));
	}

	private static JsonNode problem(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain(KEY).doesNotContain("at dev.chatstarter");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("provider").asString()).isEqualTo("relay");
		return problem;
	}

	@Test
	void theProviderParameterSelectsTheRelay() {
		relay().enqueue(FakeResponse.text("from the relay"));
		assertThat(chat("hi").body()).isEqualTo("from the relay");
		assertThat(relay().takeRequest().bearerToken()).isEqualTo(KEY);
		assertThat(relay().takeRequest(Duration.ZERO)).isNull();
		assertThat(new SampleHttp(this.port).get("/chat?message=hi").body()).startsWith("Echo from the offline demo");
	}

	@Test
	void authenticationFailureIs502WithTheProvidersMessage() {
		relay().enqueue(FakeResponse.openAiError(401, "Incorrect API key provided: " + KEY));
		JsonNode problem = problem(chat("hi"), 502);
		assertThat(problem.get("detail").asString()).contains("Incorrect API key provided");
		assertThat(problem.get("kind").asString()).isEqualTo("ChatAuthenticationException");
	}

	@Test
	void errorInsideHttp200Is502() {
		relay().enqueue(FakeResponse.raw(200, "application/json",
				"{\"codes\":300,\"mess\":\"当前额度不足，请充值后继续使用\",\"data\":\"\"}"));
		assertThat(problem(chat("hi"), 502).get("detail").asString()).contains("当前额度不足");
	}

	@Test
	void gatewayPageIs502() {
		relay().enqueue(
				FakeResponse.raw(502, "text/html",
						"<html><head><title>502: Bad gateway</title></head><body>Ray ID 1 203.0.113.9</body></html>"),
				FakeResponse.raw(502, "text/html", "<html><head><title>502: Bad gateway</title></head></html>"));
		JsonNode problem = problem(chat("hi"), 502);
		assertThat(problem.get("detail").asString()).contains("502: Bad gateway").doesNotContain("203.0.113.9");
	}

	@Test
	void rateLimitAfterTheRetriesIs429() {
		relay().enqueue(FakeResponse.openAiError(429, "Rate limit reached for requests"),
				FakeResponse.openAiError(429, "Rate limit reached for requests"));
		assertThat(problem(chat("hi"), 429).get("detail").asString()).contains("Rate limit reached");
		assertThat(relay().requestCount()).isEqualTo(2);
	}

	@Test
	void timeoutIs504() {
		this.servers.get("slow").enqueue(FakeResponse.text("too late").delay(Duration.ofSeconds(3)));
		Response response = new SampleHttp(this.port).get("/chat?provider=slow&message=hi");
		assertThat(response.status()).isEqualTo(504);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("provider").asString()).isEqualTo("slow");
		assertThat(response.json().get("detail").asString()).isEqualTo("Provider 'slow' did not answer in time")
			.doesNotContain("http://");
	}

	@Test
	void connectionFailureIs502WithoutTheProvidersUrl() {
		Response response = new SampleHttp(this.port).get("/chat?provider=down&message=hi");
		assertThat(response.status()).isEqualTo(502);
		JsonNode problem = response.json();
		assertThat(problem.get("provider").asString()).isEqualTo("down");
		assertThat(problem.get("detail").asString()).isEqualTo("Provider 'down' could not be reached");
		assertThat(response.body()).doesNotContain("127.0.0.1", "URLPASSWORD", "http://");
	}

	@Test
	void healthDetailsAreNotShownToAnonymousCallers() {
		Response health = new SampleHttp(this.port).get("/actuator/health");
		assertThat(health.body()).doesNotContain("127.0.0.1", "URLPASSWORD", "relay", "error");
		assertThat(health.json().has("components")).isFalse();
	}

	@Test
	void malformedAnswerIs502() {
		relay().enqueue(FakeResponse.raw(200, "application/json", "{\"id\":\"x\"}"));
		assertThat(problem(chat("hi"), 502).get("kind").asString()).isEqualTo("ChatMalformedResponseException");
	}

	@Test
	void failureInsideAStreamArrivesAsAnErrorEvent() {
		relay().enqueue(FakeResponse.errorInStream(
				"{\"error\":{\"message\":\"upstream exploded\",\"type\":\"upstream_error\"}}", "partial", " answer"));
		Response response = new SampleHttp(this.port).get("/chat/stream?provider=relay&message=hi");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("data:\"partial\"").contains("event:error").contains("upstream exploded");
		assertThat(response.body()).doesNotContain(KEY);
	}

	@Test
	void relayToolCallIsExecutedByTheSample() {
		relay().enqueue(
				FakeResponse.toolCall("get_current_weather", "{\"location\":\"Paris\",\"unit\":\"fahrenheit\"}"),
				FakeResponse.text("It is warm in Paris."));
		assertThat(chat("weather in Paris?").body()).isEqualTo("It is warm in Paris.");
		relay().takeRequest();
		JsonNode second = relay().takeRequest().json();
		JsonNode toolMessage = second.get("messages").get(2);
		assertThat(toolMessage.get("role").asString()).isEqualTo("tool");
		assertThat(toolMessage.get("content").asString()).contains("\"location\":\"Paris\"").contains("fahrenheit");
	}

}
