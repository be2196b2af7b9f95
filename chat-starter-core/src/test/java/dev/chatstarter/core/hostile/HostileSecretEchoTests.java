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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatConnectionException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.http.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A provider on loopback that echoes the credential it received, altered the ways real
 * providers and relays alter it (review findings C2, C3, C4, C5, S2): whatever the
 * credential (a key with a trailing newline or a leading space, a key without
 * {@code sk-}, {@code x-api-key}, {@code api-key}, {@code Authorization: Bearer}) and
 * whatever the echo (as it is, JSON-escaped, {@code &#92;u002f}, URL-encoded,
 * lower-cased, truncated), no form of it shows in the message, the excerpt, the
 * provider's message, or any message of the cause and suppressed chain.
 */
class HostileSecretEchoTests {

	private static final Duration BOUND = Duration.ofSeconds(15);

	static List<Credential> credentials() {
		return List.of(
				new Credential("key with trailing newline", "xai-ECHO/ws+SECRET/0123456789==\n", "Authorization", "",
						"xai-ECHO/ws+SECRET/0123456789=="),
				new Credential("key with leading space", " gsk_LEAD/space+SECRET0123456789", "Authorization", "",
						"gsk_LEAD/space+SECRET0123456789"),
				new Credential("x-api-key header", "", "x-api-key", "ECHOhdr/SECRET+0123456789",
						"ECHOhdr/SECRET+0123456789"),
				new Credential("api-key header", "", "api-key", "0123456789abcdef0123456789ABCDEF",
						"0123456789abcdef0123456789ABCDEF"),
				new Credential("Authorization header", "", "Authorization", "Bearer tok/ECHO+auth0123456789",
						"tok/ECHO+auth0123456789"));
	}

	static List<Arguments> echoes() {
		List<Arguments> echoes = new ArrayList<>();
		echoes.add(Arguments.of("as it is", UnaryOperator.<String>identity()));
		echoes.add(Arguments.of("JSON-escaped slash", (UnaryOperator<String>) (s) -> s.replace("/", "\\/")));
		echoes.add(Arguments.of("JSON-escaped twice", (UnaryOperator<String>) (s) -> s.replace("/", "\\\\\\/")));
		echoes.add(Arguments.of("unicode-escaped slash", (UnaryOperator<String>) (s) -> s.replace("/", "\\u002f")));
		echoes.add(Arguments.of("URL-encoded", (UnaryOperator<String>) HostileSecretEchoTests::urlEncoded));
		echoes.add(Arguments.of("URL-encoded, lower case",
				(UnaryOperator<String>) (s) -> urlEncoded(s).toLowerCase(Locale.ROOT)));
		echoes.add(Arguments.of("lower-cased", (UnaryOperator<String>) (s) -> s.toLowerCase(Locale.ROOT)));
		echoes.add(Arguments.of("truncated to 16", (UnaryOperator<String>) (s) -> s.substring(0, 16) + "..."));
		echoes.add(Arguments.of("truncated to 24", (UnaryOperator<String>) (s) -> s.substring(0, 24) + "..."));
		return echoes;
	}

	/**
	 * The bodies an echo is sent in: a JSON message, a field only the excerpt shows, a
	 * 2xx envelope, plain text.
	 */
	static List<Arguments> shapes() {
		return List.of(
				Arguments.of("401 message", 401, "application/json",
						"{\"error\":{\"message\":\"Incorrect API key provided: %s\",\"code\":\"invalid_api_key\"}}"),
				Arguments.of("401 excerpt", 401, "application/json",
						"{\"error\":{\"code\":\"invalid_api_key\",\"info\":\"rejected token %s\"}}"),
				Arguments.of("200 envelope", 200, "application/json", "{\"codes\":900,\"mess\":\"token %s expired\"}"),
				Arguments.of("401 text", 401, "text/plain", "Unauthorized: token=%s"));
	}

	static Stream<Arguments> blockingCases() {
		List<Arguments> cases = new ArrayList<>();
		for (Credential credential : credentials()) {
			for (Arguments echo : echoes()) {
				for (Arguments shape : shapes()) {
					Object[] e = echo.get();
					Object[] s = shape.get();
					cases.add(Arguments.of(credential, e[0], e[1], s[0], s[1], s[2], s[3]));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, {1}, {3}")
	@MethodSource("blockingCases")
	@SuppressWarnings("unchecked")
	void blockingCallShowsNoFormOfTheSecret(Credential credential, String echoName, Object echo, String shapeName,
			int status, String contentType, String body) throws Exception {
		UnaryOperator<String> transform = (UnaryOperator<String>) echo;
		try (ScriptedProvider provider = new ScriptedProvider((headers) -> ScriptedProvider.Answer.of(status,
				contentType, body.formatted(transform.apply(credential.received(headers)))))) {
			ChatTemplate template = credential.configure(builder(provider.baseUrl())).build();
			ChatException ex = Bounded.call(BOUND,
					() -> catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content()));
			assertThat(ex).isNotNull();
			assertNoFormOf(credential.secret(), ex);
			template.close();
		}
	}

	static Stream<Arguments> streamCases() {
		List<Arguments> cases = new ArrayList<>();
		for (Credential credential : credentials()) {
			for (Arguments echo : echoes()) {
				cases.add(Arguments.of(credential, echo.get()[0], echo.get()[1]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("streamCases")
	@SuppressWarnings("unchecked")
	void streamErrorEventShowsNoFormOfTheSecret(Credential credential, String echoName, Object echo) throws Exception {
		UnaryOperator<String> transform = (UnaryOperator<String>) echo;
		try (ScriptedProvider provider = new ScriptedProvider((headers) -> ScriptedProvider.Answer.of(200,
				"text/event-stream", "event: error\ndata: {\"error\":{\"message\":\"token "
						+ transform.apply(credential.received(headers)) + " expired\",\"code\":\"expired\"}}\n\n"))) {
			ChatTemplate template = credential.configure(builder(provider.baseUrl())).build();
			StepVerifier.create(template.prompt("hi").stream().content())
				.expectErrorSatisfies((ex) -> assertNoFormOf(credential.secret(), ex))
				.verify(BOUND);
			template.close();
		}
	}

	@Test
	void theKeyIsStrippedOnceAndTheSameValueIsSent() throws Exception {
		java.util.concurrent.atomic.AtomicReference<String> sent = new java.util.concurrent.atomic.AtomicReference<>();
		try (ScriptedProvider provider = new ScriptedProvider((headers) -> {
			sent.set(headers.getFirst("Authorization"));
			return ScriptedProvider.Answer.of(401, "application/json",
					"{\"error\":{\"message\":\"bad " + headers.getFirst("Authorization").substring(7) + "\"}}");
		})) {
			ChatTemplate template = builder(provider.baseUrl()).apiKey("\t xai-STRIP0123456789abcdef\n").build();
			ChatException ex = catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content());
			assertThat(sent.get()).isEqualTo("Bearer xai-STRIP0123456789abcdef");
			assertThat(ex.getMessage()).contains("bad ******").doesNotContain("STRIP");
			template.close();
		}
	}

	@Test
	void urlCredentialsNeverShowInTheExceptionChain() {
		ChatTemplate template = builder("http://admin:URLPASS123@127.0.0.1:1/v1?key=QUERYSECRET123").build();
		ChatException ex = Bounded.call(BOUND,
				() -> catchThrowableOfType(ChatException.class, () -> template.prompt("hi").call().content()));
		assertThat(ex).isInstanceOf(ChatConnectionException.class);
		assertThat(dump(ex)).doesNotContain("URLPASS123", "QUERYSECRET123", "admin:");
		assertThat(template.toString()).doesNotContain("URLPASS123", "QUERYSECRET123");
		template.close();
	}

	private static ChatTemplate.Builder builder(String baseUrl) {
		return ChatTemplate.builder()
			.provider("echo")
			.baseUrl(baseUrl)
			.defaultOptions((options) -> options.model("m"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(5))
			.retryPolicy(RetryPolicy.none());
	}

	private static void assertNoFormOf(String secret, Throwable ex) {
		String dump = dump(ex);
		String prefix = secret.substring(0, 8);
		assertThat(dump.toLowerCase(Locale.ROOT)).doesNotContain(prefix.toLowerCase(Locale.ROOT),
				urlEncoded(prefix).toLowerCase(Locale.ROOT), prefix.replace("/", "\\/").toLowerCase(Locale.ROOT),
				prefix.replace("/", "\\u002f").toLowerCase(Locale.ROOT));
		assertThat(dump).doesNotContain(secret.substring(8));
	}

	/**
	 * Everything an application could print: the message, every field, the stack trace
	 * with causes and suppressed.
	 */
	private static String dump(Throwable ex) {
		StringWriter out = new StringWriter();
		ex.printStackTrace(new PrintWriter(out));
		if (ex instanceof ChatException chat) {
			out.append('\n').append(String.valueOf(chat.getDetails()));
		}
		return out.toString();
	}

	private static String urlEncoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * How a credential is configured, and which request header carries it back to the
	 * provider.
	 */
	record Credential(String name, String apiKey, String header, String headerValue, String secret) {

		String received(Headers headers) {
			String value = headers.getFirst(this.header);
			return (value.regionMatches(true, 0, "Bearer ", 0, 7)) ? value.substring(7) : value;
		}

		ChatTemplate.Builder configure(ChatTemplate.Builder builder) {
			if (!this.apiKey.isEmpty()) {
				builder.apiKey(this.apiKey);
			}
			if (!this.headerValue.isEmpty()) {
				builder.defaultHeader(this.header, this.headerValue);
			}
			return builder;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
