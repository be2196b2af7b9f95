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

package dev.chatstarter.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.error.ProviderErrorParser;
import dev.chatstarter.core.internal.error.SecretRedactor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of the error-body classifier ({@link ProviderErrorParser},
 * {@link ChatErrorMapper}): any status, headers and body map to a typed
 * {@link ChatException} that never shows the API key, never another exception or a hang.
 * {@code ./mvnw verify} replays the corpus in
 * {@code src/test/resources/dev/chatstarter/core/fuzz/ErrorClassifierFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ErrorClassifierFuzzTests {

	private static final String API_KEY = "sk-fuzz-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatErrorMapper mapper = new ChatErrorMapper("fuzz", SecretRedactor.of(API_KEY));

	@FuzzTest(maxDuration = "60s")
	void classifiesAnyErrorBody(FuzzedDataProvider data) {
		Bounded.run(Duration.ofSeconds(10), () -> classify(data));
	}

	private void classify(FuzzedDataProvider data) {
		int status = data.consumeInt(100, 599);
		HttpHeaders headers = new HttpHeaders();
		if (data.consumeBoolean()) {
			headers.add("Retry-After", data.consumeString(20));
		}
		if (data.consumeBoolean()) {
			headers.add("Content-Type", data.consumeBoolean() ? "text/html" : "application/json");
		}
		boolean withKey = data.consumeBoolean();
		byte[] body = data.consumeRemainingAsBytes();
		if (withKey) {
			body = (new String(body, java.nio.charset.StandardCharsets.UTF_8) + " " + API_KEY)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		ChatException error = this.mapper.fromResponse(status, headers, body);
		assertThat(error).isNotNull();
		assertThat(error.getMessage()).doesNotContain(API_KEY);
		assertThat(ProviderErrorParser.fromBody(body, MediaType.APPLICATION_JSON)).isNotNull();
		JsonNode json = tryParse(body);
		if (json != null) {
			ProviderErrorParser.fromJson(json);
			ChatException inBody = this.mapper.fromSuccessBody(200, headers, json);
			if (inBody != null) {
				assertThat(inBody.getMessage()).doesNotContain(API_KEY);
			}
		}
		ChatException finish = this.mapper.fromFinishReason(new String(body, java.nio.charset.StandardCharsets.UTF_8));
		if (finish != null) {
			assertThat(finish.getMessage()).isNotNull();
		}
	}

	static java.util.stream.Stream<Arguments> adversarialShapes() {
		return java.util.stream.Stream.of(
				Arguments.of("unclosed <title>", (IntFunction<String>) (n) -> "<" + fill("<title>", n)),
				Arguments.of("< inside a title", (IntFunction<String>) (n) -> "<title>" + fill("<", n)),
				Arguments.of("unclosed <h1>", (IntFunction<String>) (n) -> "<" + fill("<h1>", n)),
				Arguments.of("only <", (IntFunction<String>) (n) -> fill("<", n)),
				Arguments.of("request id suffixes",
						(IntFunction<String>) (n) -> "{\"error\":{\"message\":\"" + fill("(request id: x", n) + "\"}}"),
				Arguments.of("token words",
						(IntFunction<String>) (n) -> "{\"error\":{\"message\":\"" + fill("token invalid expired ", n)
								+ "\"}}"),
				Arguments.of("key prefixes and escapes", (IntFunction<String>) (n) -> fill("sk-fuzz-\\\\u00%2", n)),
				Arguments.of("bearer words", (IntFunction<String>) (n) -> fill("bearer  sk-sk-", n)));
	}

	/**
	 * Mapping time grows linearly with the body: the time per byte of a 1 MB body is at
	 * most a few times that of a 1 KB body (median of several runs after warm-up). A
	 * quadratic step would make the ratio about 1000.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("adversarialShapes")
	void mapsAdversarialBodiesInLinearTime(String name, IntFunction<String> shape) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_HTML);
		byte[] small = shape.apply(1024).getBytes(StandardCharsets.UTF_8);
		byte[] large = shape.apply(1024 * 1024).getBytes(StandardCharsets.UTF_8);
		Bounded.run(Duration.ofSeconds(60), () -> {
			for (int i = 0; i < 3; i++) {
				this.mapper.fromResponse(502, headers, large);
			}
			double perByteSmall = medianNanos(() -> this.mapper.fromResponse(502, headers, small), 201) / small.length;
			double perByteLarge = medianNanos(() -> this.mapper.fromResponse(502, headers, large), 7) / large.length;
			assertThat(perByteLarge / perByteSmall).as("time per byte, 1 MB versus 1 KB").isLessThan(20);
		});
	}

	private static double medianNanos(Runnable task, int runs) {
		long[] times = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			task.run();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		return times[runs / 2];
	}

	private static String fill(String unit, int chars) {
		return unit.repeat(Math.max(1, chars / unit.length()));
	}

	private static JsonNode tryParse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
