package dev.chatstarter.core.fuzz;

import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ChatErrorMapper;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ProviderErrorParser;
import dev.chatstarter.core.error.SecretRedactor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzz test of the error-body classifier ({@link ProviderErrorParser}, {@link ChatErrorMapper}): any status, headers
 * and body map to a typed {@link ChatException} that never shows the API key, never another exception or a hang.
 * {@code ./mvnw verify} replays the corpus in
 * {@code src/test/resources/dev/chatstarter/core/fuzz/ErrorClassifierFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ErrorClassifierFuzzTests {

	private static final String API_KEY = "sk-fuzz-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatErrorMapper mapper = new ChatErrorMapper("fuzz", SecretRedactor.of(API_KEY));

	@FuzzTest(maxDuration = "60s")
	void classifiesAnyErrorBody(FuzzedDataProvider data) {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> classify(data));
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

	private static JsonNode tryParse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
