package dev.chatstarter.core.fault;

import dev.chatstarter.core.ChatTemplate;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The failure modes WireMock injects of {@link WireMockFaultTests}, sent through a {@code WebClient} instead of
 * straight on Reactor Netty.
 */
class WireMockFaultThroughWebClientTests extends WireMockFaultTests {

	@Override
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder.webClientBuilder(WebClient.builder());
	}

}
