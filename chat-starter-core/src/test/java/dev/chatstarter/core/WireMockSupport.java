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

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.chatstarter.core.http.RetryPolicy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Base class for tests that talk to a WireMock server on loopback.
 */
abstract class WireMockSupport {

	static final String API_KEY = "sk-test-Zx9Qw8Er7Ty6Ui5Op4As3Df2";

	/** A minimal chat completion whose content is {@code pong}. */
	static final String PONG = """
			{"id":"c","object":"chat.completion","created":1,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}]}""";

	static WireMockServer wireMock;

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(
				options().bindAddress("127.0.0.1").dynamicPort().asynchronousResponseEnabled(true));
		wireMock.start();
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@BeforeEach
	void resetWireMock() {
		wireMock.resetAll();
	}

	/**
	 * Wait until WireMock has logged the expected number of chat requests: a request
	 * whose answer is still delayed when the client gives up may be logged a little
	 * later.
	 * @param expected the expected count
	 */
	static void awaitChatRequests(int expected) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
		var pattern = com.github.tomakehurst.wiremock.client.WireMock
			.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/chat/completions"));
		while (wireMock.findAll(pattern).size() < expected && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		wireMock.verify(expected, pattern);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + wireMock.port();
	}

	ChatTemplate.Builder templateBuilder() {
		return ChatTemplate.builder()
			.provider("aigc")
			.baseUrl(baseUrl() + "/v1")
			.apiKey(API_KEY)
			.defaultOptions((options) -> options.model("gpt-4o"))
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2), 0.5));
	}

	ChatTemplate template() {
		return templateBuilder().build();
	}

}
