package dev.chatstarter.core;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A template creates its HTTP stack on its first request, so what the application customizes there runs then.
 */
class ChatTemplateHttpStackTests extends WireMockSupport {

	@Test
	void buildingATemplateDoesNotRunTheHttpClientCustomizer() {
		AtomicInteger customized = new AtomicInteger();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = templateBuilder().httpClient((client) -> {
			customized.incrementAndGet();
			return client;
		}).build()) {
			assertThat(customized).hasValue(0);
			template.prompt("ping").call().content();
			template.prompt("ping").call().content();
			assertThat(customized).hasValue(1);
		}
	}

	@Test
	void aFailingCustomizerFailsTheFirstRequestWithTheProviderNamedAndTheNextRequestTriesAgain() {
		AtomicInteger attempts = new AtomicInteger();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = templateBuilder().httpClient((client) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalArgumentException("no such proxy host");
			}
			return client;
		}).build()) {
			assertThatIllegalStateException().isThrownBy(() -> template.prompt("ping").call().content())
				.withMessageContaining("chat provider 'aigc'")
				.withMessageContaining("no such proxy host")
				.withMessageContaining("httpClient(..) customizer");
			assertThat(template.prompt("ping").call().content()).isEqualTo("pong");
		}
	}

}
