package dev.chatstarter.core.fault;

import dev.chatstarter.core.ChatTemplate;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The failure modes of the raw server of {@link RawServerFaultTests}, sent through a {@code WebClient} instead of
 * straight on Reactor Netty.
 */
class RawServerFaultThroughWebClientTests extends RawServerFaultTests {

	@Override
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder.webClientBuilder(WebClient.builder());
	}

}
