package dev.chatstarter.core.fuzz;

import java.time.Duration;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.chatstarter.core.stream.SseEvent;
import dev.chatstarter.core.stream.SseFormatException;
import dev.chatstarter.core.stream.SseParser;

import org.springframework.core.io.buffer.DataBufferLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzz test of {@link SseParser}: any bytes, split anywhere, end in events or in one of its two documented
 * exceptions, never in another exception or a hang. {@code ./mvnw verify} replays the corpus in
 * {@code src/test/resources/dev/chatstarter/core/fuzz/SseParserFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SseParserFuzzTests {

	private static final int MAX_EVENT_BYTES = 512;

	@FuzzTest(maxDuration = "60s")
	void parsesAnyInput(FuzzedDataProvider data) {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(data));
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

	private static void check(List<SseEvent> events) {
		for (SseEvent event : events) {
			assertThat(event.data()).isNotNull();
			assertThat(event.data().length()).isLessThanOrEqualTo(MAX_EVENT_BYTES);
		}
	}

}
