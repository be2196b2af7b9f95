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

package dev.chatstarter.core.http;

import java.time.Duration;
import java.util.List;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatException;

/**
 * Runs in {@link WithoutWebFluxTests}' class loader, where Spring WebFlux is missing: a
 * call, a stream, an error answer and an unreachable provider on the default transport.
 */
public final class WithoutWebFluxProbe {

	/**
	 * Bounds each call: a class missing on an event loop would otherwise leave it waiting
	 * forever.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private WithoutWebFluxProbe() {
	}

	/**
	 * Make a call, a stream and a failing call.
	 * @param baseUrl the fake provider's base URL
	 * @param closedUrl a URL nobody listens on
	 * @return what each returned
	 */
	public static List<String> run(String baseUrl, String closedUrl) {
		try (ChatTemplate template = ChatTemplate.builder()
			.provider("plain")
			.baseUrl(baseUrl)
			.apiKey("sk-probe")
			.retryPolicy(RetryPolicy.none())
			.callTimeout(TIMEOUT)
			.build()) {
			String content = template.prompt("ping").call().content();
			List<String> chunks = template.prompt("ping").stream().content().collectList().block();
			String error;
			try {
				template.prompt("rate me").call().content();
				error = "none";
			}
			catch (ChatException ex) {
				error = ex.getClass().getSimpleName() + " " + ex.getStatusCode() + " " + ex.getProviderMessage();
			}
			return List.of("call: " + content, "stream: " + chunks, "error: " + error,
					"unreachable: " + failureOf(closedUrl));
		}
	}

	private static String failureOf(String closedUrl) {
		try (ChatTemplate template = ChatTemplate.builder()
			.baseUrl(closedUrl)
			.retryPolicy(RetryPolicy.none())
			.callTimeout(TIMEOUT)
			.build()) {
			template.prompt("ping").call().content();
			return "none";
		}
		catch (ChatException ex) {
			return ex.getClass().getSimpleName();
		}
	}

}
