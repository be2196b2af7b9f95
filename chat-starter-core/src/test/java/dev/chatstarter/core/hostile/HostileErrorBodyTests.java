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

package dev.chatstarter.core.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatBadRequestException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatServerException;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.error.SecretRedactor;
import dev.chatstarter.core.internal.text.ProviderText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile error bodies (review findings C1, C12, C13): 16 MB HTML pages of unclosed tags
 * map to a typed exception in linear time, off nobody's back (another provider's calls
 * keep flowing meanwhile), and a provider's message cannot forge log lines or flood a log
 * with megabytes.
 */
class HostileErrorBodyTests {

	/**
	 * Every hostile body must be mapped within this bound; the quadratic regexes took
	 * days for 16 MB.
	 */
	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final int SIXTEEN_MB = 16 * 1024 * 1024 - 1024;

	private static final String ANSWER = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"m",
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}]}""";

	private final ChatErrorMapper mapper = new ChatErrorMapper("hostile", SecretRedactor.of("sk-hostile-0123456789"));

	static Stream<Arguments> unclosedTags() {
		return Stream.of(Arguments.of("<title> repeated", "<" + repeat("<title>", SIXTEEN_MB)),
				Arguments.of("< inside a title", "<title>" + repeat("<", SIXTEEN_MB)),
				Arguments.of("<h1> repeated", "<" + repeat("<h1>", SIXTEEN_MB)),
				Arguments.of("< repeated", repeat("<", SIXTEEN_MB)),
				Arguments.of("open title and h1", "<title>x" + repeat("<h1>", SIXTEEN_MB)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unclosedTags")
	void sixteenMegabytesOfUnclosedTagsMapFast(String name, String page) {
		byte[] body = page.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_HTML);
		ChatException ex = Bounded.call(BOUND, () -> this.mapper.fromResponse(502, headers, body));
		assertThat(ex).isInstanceOf(ChatServerException.class);
		assertThat(ex.getMessage()).hasSizeLessThan(1_000);
	}

	@Test
	void otherProvidersKeepServingWhileOneSendsAHostilePage() throws Exception {
		byte[] page = ("<" + repeat("<title>", SIXTEEN_MB)).getBytes(StandardCharsets.UTF_8);
		try (ScriptedProvider hostile = new ScriptedProvider(
				(headers) -> new ScriptedProvider.Answer(502, "text/html", page));
				ScriptedProvider healthy = new ScriptedProvider(
						(headers) -> ScriptedProvider.Answer.of(200, "application/json", ANSWER))) {
			ChatTemplate bad = template(hostile.baseUrl(), "hostile")
				.retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ZERO, 0))
				.build();
			ChatTemplate good = template(healthy.baseUrl(), "healthy").build();
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				List<Future<ChatException>> hostileCalls = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					hostileCalls.add(threads.submit(
							() -> catchThrowableOfType(ChatException.class, () -> bad.prompt("hi").call().content())));
				}
				Bounded.run(BOUND, () -> {
					while (hostile.requests.get() == 0) {
						Thread.sleep(5);
					}
					for (int i = 0; i < 50; i++) {
						assertThat(good.prompt("hi").call().content()).isEqualTo("Hi there");
					}
				});
				for (Future<ChatException> call : hostileCalls) {
					assertThat(call.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ChatServerException.class);
				}
				assertThat(hostile.requests.get()).isEqualTo(6);
			}
			finally {
				threads.shutdownNow();
				bad.close();
				good.close();
			}
		}
	}

	@Test
	void aHostileStreamErrorEventMapsFast() throws Exception {
		String event = "event: error\ndata: <" + repeat("<title>", 8 * 1024 * 1024) + "\n\n";
		try (ScriptedProvider hostile = new ScriptedProvider(
				(headers) -> ScriptedProvider.Answer.of(200, "text/event-stream", event))) {
			ChatTemplate template = template(hostile.baseUrl(), "hostile").build();
			AtomicReference<String> mappedOn = new AtomicReference<>();
			StepVerifier
				.create(template.prompt("hi")
					.stream()
					.content()
					.doOnError((ex) -> mappedOn.set(Thread.currentThread().getName())))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatServerException.class))
				.verify(BOUND);
			assertThat(mappedOn.get()).as("thread the large error event was mapped on").startsWith("boundedElastic");
			template.close();
		}
	}

	@Test
	void providerMessagesCannotForgeLogLines() {
		String forged = "bad request\n2026-12-01T00:00:00.000Z  INFO 1 --- [main] d.c.s.FORGED : user admin logged in"
				+ "\r\u2028\u2029\u0085\u001b[31m\u202eevil";
		byte[] body = ("{\"error\":{\"message\":\""
				+ forged.replace("\n", "\\n").replace("\r", "\\r").replace("\u001b", "\\u001b")
				+ "\",\"type\":\"invalid\\nrequest\"}}")
			.getBytes(StandardCharsets.UTF_8);
		ChatException ex = Bounded.call(BOUND, () -> this.mapper.fromResponse(400, new HttpHeaders(), body));
		assertThat(ex).isInstanceOf(ChatBadRequestException.class);
		for (String text : new String[] { ex.getMessage(), ex.getProviderMessage(), ex.getErrorType() }) {
			assertThat(text).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085", "\u001b", "\u202e");
		}
		assertThat(ex.getProviderMessage()).startsWith("bad request\\n2026-12-01").contains("\\u2028", "\\u001b");
	}

	@Test
	void plainTextMessagesAreOneLineToo() {
		byte[] body = "upstream failed\r\nFORGED LINE\u2028another".getBytes(StandardCharsets.UTF_8);
		ChatException ex = this.mapper.fromResponse(502, new HttpHeaders(), body);
		assertThat(ex.getMessage()).doesNotContain("\n", "\r", "\u2028").contains("upstream failed FORGED LINE");
	}

	@Test
	void longProviderMessagesAreCappedInTheExceptionMessageAndKeptInFull() {
		int length = 4 * 1024 * 1024;
		byte[] body = ("{\"error\":{\"message\":\"" + repeat("E", length) + "\"}}").getBytes(StandardCharsets.UTF_8);
		ChatException ex = Bounded.call(BOUND, () -> this.mapper.fromResponse(400, new HttpHeaders(), body));
		assertThat(ex.getMessage()).hasSizeLessThan(ProviderText.MESSAGE_LIMIT + 200)
			.endsWith("… (" + length + " characters)");
		assertThat(ex.getProviderMessage()).hasSize(length);
	}

	@Test
	void hugeCodesAndTypesAreCappedInTheExceptionMessage() {
		byte[] body = ("{\"error\":{\"message\":\"m\",\"code\":\"" + repeat("C", 1_000_000) + "\",\"type\":\""
				+ repeat("T", 1_000_000) + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		ChatException ex = Bounded.call(BOUND, () -> this.mapper.fromResponse(400, new HttpHeaders(), body));
		assertThat(ex.getMessage()).hasSizeLessThan(1_000);
	}

	private static ChatTemplate.Builder template(String baseUrl, String provider) {
		return ChatTemplate.builder()
			.provider(provider)
			.baseUrl(baseUrl)
			.apiKey("sk-" + provider + "-0123456789")
			.defaultOptions((options) -> options.model("m"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(10))
			.retryPolicy(RetryPolicy.none());
	}

	private static String repeat(String unit, int totalChars) {
		return unit.repeat(Math.max(1, totalChars / unit.length()));
	}

}
