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

import org.springframework.web.reactive.function.client.WebClient;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.WebClientTransport;

/**
 * The failure modes WireMock injects of {@link WireMockFaultTests}, sent through a
 * {@code WebClient} instead of straight on Reactor Netty.
 */
class WireMockFaultThroughWebClientTests extends WireMockFaultTests {

	@Override
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder.transport(WebClientTransport.of(WebClient.builder()));
	}

}
