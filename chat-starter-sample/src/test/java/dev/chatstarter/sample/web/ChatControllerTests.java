package dev.chatstarter.sample.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Tests for {@link ChatController} without a server.
 */
class ChatControllerTests {

	/**
	 * S8: a failure that is not a provider failure still ends the stream with an {@code error} event, without its
	 * message.
	 */
	@Test
	void nonProviderFailureInsideAStreamArrivesAsAnErrorEvent() {
		ChatTemplate template = mock(ChatTemplate.class, RETURNS_DEEP_STUBS);
		when(template.prompt().user(anyString()).tools(anyString()).stream().content())
			.thenReturn(Flux.just("partial").concatWith(Flux.error(new IllegalStateException("internal detail"))));
		ProviderSelector selector = mock(ProviderSelector.class);
		when(selector.select(null)).thenReturn(template);
		ChatController controller = new ChatController(selector);

		StepVerifier.create(controller.stream("hi", null))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("\"partial\""))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("error");
				assertThat(event.data()).contains("\"status\":500").contains("Internal error")
					.doesNotContain("internal detail", "IllegalStateException");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
