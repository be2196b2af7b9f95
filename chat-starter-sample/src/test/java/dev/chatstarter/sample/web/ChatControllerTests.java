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

package dev.chatstarter.sample.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ChatController} without a server.
 */
class ChatControllerTests {

	/**
	 * S8: a failure that is not a provider failure still ends the stream with an
	 * {@code error} event, without its message.
	 */
	@Test
	void nonProviderFailureInsideAStreamArrivesAsAnErrorEvent() {
		ChatTemplate template = mock(ChatTemplate.class, RETURNS_DEEP_STUBS);
		given(template.prompt().user(anyString()).tools(anyString()).stream().content())
			.willReturn(Flux.just("partial").concatWith(Flux.error(new IllegalStateException("internal detail"))));
		ProviderSelector selector = mock(ProviderSelector.class);
		given(selector.select(null)).willReturn(template);
		ChatController controller = new ChatController(selector);

		StepVerifier.create(controller.stream("hi", null))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("\"partial\""))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("error");
				assertThat(event.data()).contains("\"status\":500")
					.contains("Internal error")
					.doesNotContain("internal detail", "IllegalStateException");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
