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

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.error.ChatTimeoutException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure modes WireMock can inject: each ends, within {@link FaultSupport#BOUND}, in the
 * expected typed exception, with no leaked buffer (PARANOID leak detection, checked by
 * {@link dev.chatstarter.core.LeakDetection}).
 */
class WireMockFaultTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@RegisterExtension
	final MeteredPool pool = new MeteredPool("wiremock-fault-tests");

	private ChatTemplate.Builder builder() {
		return builder("http://127.0.0.1:" + wireMock.getPort() + "/v1");
	}

	private ChatTemplate.Builder builder(String baseUrl) {
		return transport(FaultSupport.builder(baseUrl).connectionProvider(this.pool.provider()));
	}

	/**
	 * Choose how the template sends; subclasses run the same tests through a
	 * {@code WebClient}.
	 * @param builder the template builder
	 * @return the builder
	 */
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder;
	}

	private ChatTemplate template() {
		return builder().build();
	}

	@Test
	void connectionRefused() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ChatTemplate template = builder("http://127.0.0.1:" + closedPort + "/v1").build();
		StepVerifier.create(template.prompt("hi").call().responseMono())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatConnectionException.class)
				.hasMessageContaining("(POST http://127.0.0.1:" + closedPort + "/v1/chat/completions)"))
			.verify(FaultSupport.BOUND);
		StepVerifier.create(template.prompt("hi").stream().content())
			.expectError(ChatConnectionException.class)
			.verify(FaultSupport.BOUND);
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void brokenConnectionOnACall(Fault fault) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(fault)));
		StepVerifier.create(template().prompt("hi").call().responseMono())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfAny(ChatConnectionException.class,
					ChatMalformedResponseException.class))
			.verify(FaultSupport.BOUND);
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void brokenConnectionOnAStream(Fault fault) {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(fault)));
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfAny(ChatConnectionException.class,
					ChatMalformedResponseException.class))
			.verify(FaultSupport.BOUND);
	}

	@Test
	void resetBeforeTheResponseIsAConnectionFailure() {
		wireMock
			.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		StepVerifier.create(template().prompt("hi").call().responseMono())
			.expectError(ChatConnectionException.class)
			.verify(FaultSupport.BOUND);
	}

	@Test
	void responseTimeout() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(FaultSupport.ANSWER).withFixedDelay(8000)));
		StepVerifier.create(template().prompt("hi").call().responseMono())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatTimeoutException.class)
				.hasMessageContaining("response-timeout"))
			.verify(FaultSupport.BOUND);
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectError(ChatTimeoutException.class)
			.verify(FaultSupport.BOUND);
	}

	@Test
	void malformedJsonInAChunk() {
		stubStream(FaultSupport.chunk("Hi") + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\n\n"
				+ FaultSupport.finish());
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("Hi")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatMalformedResponseException.class)
				.hasMessageContaining("not JSON"))
			.verify(FaultSupport.BOUND);
	}

	@Test
	void invalidUtf8InAStream() {
		byte[] invalid = concat(FaultSupport.chunk("Hi").getBytes(StandardCharsets.UTF_8),
				FaultSupport.chunk("\u00e9").replace("\u00e9", "X").getBytes(StandardCharsets.UTF_8));
		int x = indexOf(invalid, (byte) 'X');
		invalid[x] = (byte) 0xC3;
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(invalid)));
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatMalformedResponseException.class)
				.hasMessageContaining("UTF-8"))
			.verify(FaultSupport.BOUND);
	}

	@Test
	void invalidUtf8InABody() {
		byte[] body = FaultSupport.ANSWER.replace("Hi there", "Hi X").getBytes(StandardCharsets.UTF_8);
		body[indexOf(body, (byte) 'X')] = (byte) 0xFF;
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
		StepVerifier.create(template().prompt("hi").call().responseMono())
			.expectError(ChatMalformedResponseException.class)
			.verify(FaultSupport.BOUND);
	}

	@Test
	void oversizedBody() {
		String padding = "x".repeat(4096);
		wireMock
			.stubFor(post("/v1/chat/completions").willReturn(okJson(FaultSupport.ANSWER.replace("Hi there", padding))));
		ChatTemplate template = builder().maxResponseSize(DataSize.ofKilobytes(1)).build();
		StepVerifier.create(template.prompt("hi").call().responseMono())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatMalformedResponseException.class)
				.hasMessageContaining("max-response-size"))
			.verify(FaultSupport.BOUND);
		assertThat(template().prompt("hi").call().content()).isEqualTo(padding);
	}

	@Test
	void oversizedEvent() {
		stubStream(FaultSupport.chunk("Hi") + FaultSupport.chunk("x".repeat(4096)) + FaultSupport.finish());
		ChatTemplate template = builder().maxResponseSize(DataSize.ofKilobytes(1)).build();
		StepVerifier.create(template.prompt("hi").stream().content())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatMalformedResponseException.class)
				.hasMessageContaining("max-response-size"))
			.verify(FaultSupport.BOUND);
	}

	@Test
	void errorObjectMidStream() {
		stubStream(FaultSupport.chunk("Hi")
				+ "data: {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}\n\n");
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("Hi")
			.expectError(ChatRateLimitException.class)
			.verify(FaultSupport.BOUND);
	}

	@Test
	void errorEventMidStream() {
		stubStream(FaultSupport.chunk("Hi")
				+ "event: error\ndata: {\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}\n\n");
		StepVerifier.create(template().prompt("hi").stream().content())
			.expectNext("Hi")
			.expectError(ChatServerException.class)
			.verify(FaultSupport.BOUND);
	}

	private static void stubStream(String body) {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == value) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

}
