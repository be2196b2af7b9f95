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

package dev.chatstarter.core.fault;

import java.time.Duration;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;

/**
 * Shared bits of the fault-injection tests: chunks, a template builder with short
 * timeouts and no retries, and the bound within which every failure must surface (a guard
 * against hangs, not a performance assertion).
 */
final class FaultSupport {

	/** Every failure must surface within this bound; a hang would exceed it by far. */
	static final Duration BOUND = Duration.ofSeconds(15);

	static final String ANSWER = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"gpt-4o-mini",
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}]}""";

	private FaultSupport() {
	}

	static String chunk(String content) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
				+ "\"},\"finish_reason\":null}]}\n\n";
	}

	static String finish() {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"
				+ "\n\ndata: [DONE]\n\n";
	}

	static ChatTemplate.Builder builder(String baseUrl) {
		return ChatTemplate.builder()
			.provider("faulty")
			.baseUrl(baseUrl)
			.apiKey("sk-test-fault-0123456789")
			.defaultOptions((options) -> options.model("gpt-4o-mini"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(3))
			.streamIdleTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.none());
	}

}
