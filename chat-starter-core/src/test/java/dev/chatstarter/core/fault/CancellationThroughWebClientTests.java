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

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.WebClientTransport;

/**
 * The cancellations of {@link CancellationTests}, sent through a {@code WebClient}
 * instead of straight on Reactor Netty.
 */
class CancellationThroughWebClientTests extends CancellationTests {

	@Override
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder.transport(WebClientTransport.of(WebClient.builder()));
	}

	@Override
	@Test
	@Disabled("Racy through WebClient: a stream cancelled after its headers arrived but before its body was "
			+ "subscribed is drained by Spring's ReactorClientHttpResponse.releaseAfterCancel, not closed, so the "
			+ "connection stays open until the server ends the body (docs/configuration.md, transport)")
	void disposingAStreamBeforeTheFirstChunkClosesTheConnection() {
	}

}
