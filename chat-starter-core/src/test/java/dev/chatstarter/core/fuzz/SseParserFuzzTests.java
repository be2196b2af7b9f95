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
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBufferLimitException;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.internal.http.sse.SseEvent;
import dev.chatstarter.core.internal.http.sse.SseFormatException;
import dev.chatstarter.core.internal.http.sse.SseParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of {@link SseParser}: any bytes, split anywhere, end in events or in one of
 * its two documented exceptions, never in another exception or a hang; and adversarial
 * shapes are parsed in linear time. {@code ./mvnw verify} replays the corpus in
 * {@code src/test/resources/dev/chatstarter/core/fuzz/SseParserFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class SseParserFuzzTests {

	private static final int MAX_EVENT_BYTES = 512;

	private static final int MAX_TIME_PER_BYTE_RATIO = 64;

	private static final int RUNS = 5;

	private static final int SWEEP_BYTES = 1024 * 1024;

	/** Events parsed by the sweep, kept so that the parsing cannot be optimised away. */
	static long events;

	@FuzzTest(maxDuration = "60s")
	void parsesAnyInput(FuzzedDataProvider data) {
		Bounded.run(Duration.ofSeconds(10), () -> parse(data));
	}

	private static void parse(FuzzedDataProvider data) {
		SseParser parser = new SseParser(MAX_EVENT_BYTES);
		int pieces = data.consumeInt(1, 8);
		try {
			for (int i = 0; i < pieces - 1; i++) {
				check(parser.feed(data.consumeBytes(data.consumeInt(0, 256))));
			}
			check(parser.feed(data.consumeRemainingAsBytes()));
			check(parser.finish());
		}
		catch (DataBufferLimitException | SseFormatException ex) {
			// the two documented failures
		}
	}

	/**
	 * Parsing time grows linearly with the input, for the shapes that would make a
	 * careless parser quadratic: many lone {@code \r}, one long line without a line break
	 * (fed in 1 KB buffers), many comment lines, many {@code data:} lines in one event.
	 * For each size from 1 KB to 1 MB, inputs of that size are parsed until 1 MB was read
	 * in all, and the time per byte at each size must stay within
	 * {@value #MAX_TIME_PER_BYTE_RATIO} times that at 1 KB (the median of {@value #RUNS}
	 * runs, after a warm-up). A quadratic parser would be about 1,000 times slower per
	 * byte at 1 MB. No wall-clock bound: only the ratio.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("adversarialShapes")
	void parsesInLinearTime(String shape, IntFunction<byte[]> input) {
		Bounded.run(Duration.ofSeconds(60), () -> {
			int[] sizes = { 1024, 16 * 1024, 256 * 1024, 1024 * 1024 };
			for (int i = 0; i < 3; i++) {
				timePerByte(input.apply(sizes[sizes.length - 1]));
				timePerByte(input.apply(sizes[0]));
			}
			double smallest = medianTimePerByte(input.apply(sizes[0]));
			for (int size : sizes) {
				double perByte = medianTimePerByte(input.apply(size));
				assertThat(perByte / smallest)
					.as("%s: time per byte at %d bytes over that at %d bytes", shape, size, sizes[0])
					.isLessThan(MAX_TIME_PER_BYTE_RATIO);
			}
		});
	}

	static Stream<Arguments> adversarialShapes() {
		return Stream.of(Arguments.of("many lone CR", repeated("\r")),
				Arguments.of("long line without a line break", (IntFunction<byte[]>) (size) -> {
					byte[] bytes = repeated("a").apply(size);
					System.arraycopy(ascii("data: "), 0, bytes, 0, 6);
					return bytes;
				}), Arguments.of("many comment lines", repeated(": keep-alive\n")),
				Arguments.of("many data lines in one event", repeated("data: x\n")));
	}

	private static IntFunction<byte[]> repeated(String unit) {
		return (size) -> {
			byte[] bytes = new byte[size];
			byte[] pattern = ascii(unit);
			for (int i = 0; i < size; i++) {
				bytes[i] = pattern[i % pattern.length];
			}
			return bytes;
		};
	}

	private static double medianTimePerByte(byte[] input) {
		double[] runs = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			runs[i] = timePerByte(input);
		}
		Arrays.sort(runs);
		return runs[RUNS / 2];
	}

	/**
	 * Parse fresh copies of the input, 1 KB buffers at a time, until 1 MB was parsed;
	 * return nanoseconds per byte.
	 */
	private static double timePerByte(byte[] input) {
		int copies = Math.max(1, SWEEP_BYTES / input.length);
		long start = System.nanoTime();
		for (int copy = 0; copy < copies; copy++) {
			SseParser parser = new SseParser(4 * SWEEP_BYTES);
			for (int offset = 0; offset < input.length; offset += 1024) {
				events += parser.feed(input, offset, Math.min(1024, input.length - offset)).size();
			}
			events += parser.finish().size();
		}
		return (double) (System.nanoTime() - start) / ((long) copies * input.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static void check(List<SseEvent> events) {
		for (SseEvent event : events) {
			assertThat(event.data()).isNotNull();
			assertThat(event.data().length()).isLessThanOrEqualTo(MAX_EVENT_BYTES);
		}
	}

}
