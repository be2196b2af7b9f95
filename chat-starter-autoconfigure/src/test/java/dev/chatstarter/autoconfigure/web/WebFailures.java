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

package dev.chatstarter.autoconfigure.web;

import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.tool.ToolExecutionException;

/**
 * A controller, for Spring MVC and WebFlux alike, that fails as a provider would,
 * blocking or reactive, and streams answers through {@link ChatServerSentEvents}.
 */
@RestController
class WebFailures {

	/**
	 * A private address that a connection failure's message names and no client may see.
	 */
	static final String INTERNAL_URL = "http://10.1.2.3:8081/v1";

	static ChatException failure(String kind) {
		return switch (kind) {
			case "rate-limit" -> new ChatRateLimitException(
					new ErrorDetails("fast", 429, "Rate limit reached for gpt-4o", "rate_limit_exceeded", null, null),
					Duration.ofSeconds(2), null);
			case "timeout" -> new ChatTimeoutException(
					ErrorDetails.local("fast", "no answer from " + INTERNAL_URL + " within 60 ms (response-timeout)"),
					null);
			case "connection" ->
				new ChatConnectionException(ErrorDetails.local("fast", "Connection refused: " + INTERNAL_URL), null);
			case "tool" -> new ToolExecutionException("fast", "lookup_order",
					"SELECT * FROM orders failed: table orders is locked", null);
			default -> new ChatAuthenticationException(
					new ErrorDetails("fast", 401, "Incorrect API key provided", "invalid_api_key", null, null), null);
		};
	}

	@GetMapping("/blocking/{kind}")
	String blocking(@PathVariable String kind) {
		throw failure(kind);
	}

	@GetMapping("/reactive/{kind}")
	Mono<String> reactive(@PathVariable String kind) {
		return Mono.error(failure(kind));
	}

	@GetMapping("/unrelated")
	String unrelated() {
		throw new IllegalStateException("not a chat failure");
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream() {
		return ChatServerSentEvents.of(Flux.just("Echo", " from", " the", "  offline\nprovider", " "));
	}

	@GetMapping(path = "/stream/failing", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> failingStream() {
		return ChatServerSentEvents.of(Flux.just(" partial").concatWith(Flux.error(failure("rate-limit"))));
	}

	@GetMapping(path = "/stream/broken", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> brokenStream() {
		return ChatServerSentEvents
			.of(Flux.just(" partial").concatWith(Flux.error(new IllegalStateException("secret internals"))));
	}

}
