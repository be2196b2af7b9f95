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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;

/**
 * Base class for tests that drive one {@link FakeChatServer} with the core's
 * {@link ChatTemplate} and with a plain HTTP client that shows the exact wire format.
 */
abstract class FakeChatServerSupport {

	static final String API_KEY = "sk-test-Qw8Er7Ty6Ui5Op4As3Df2Zx9";

	static FakeChatServer server;

	private static final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startServer() {
		server = new FakeChatServer().start();
	}

	@AfterAll
	static void closeServer() {
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	ChatTemplate.Builder templateBuilder() {
		return ChatTemplate.builder()
			.provider("fake")
			.baseUrl(server.baseUrl())
			.apiKey(API_KEY)
			.defaultOptions((options) -> options.model("gpt-4o"))
			.retryPolicy(RetryPolicy.none());
	}

	ChatTemplate template() {
		return templateBuilder().build();
	}

	static HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return httpClient.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
