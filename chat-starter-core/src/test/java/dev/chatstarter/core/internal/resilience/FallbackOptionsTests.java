package dev.chatstarter.core.internal.resilience;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ResponseFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FallbackExchange#optionsFor}: what a fallback provider is sent.
 */
class FallbackOptionsTests {

	private final ChatOptions primaryDefaults = ChatOptions.builder()
		.model("gpt-4o")
		.temperature(0.1)
		.user("team-a")
		.extraBody(Map.of("enable_thinking", false, "region", "us"))
		.build();

	private final ChatOptions fallbackDefaults = ChatOptions.builder()
		.model("qwen-plus")
		.temperature(0.9)
		.extraBody(Map.of("enable_thinking", true))
		.build();

	@Test
	void fallbackKeepsItsOwnModelAndDefaultsAndTheRequestsOwnOptions() {
		ChatOptions perCall = ChatOptions.builder()
			.model("gpt-4o-mini")
			.maxTokens(50)
			.responseFormat(ResponseFormat.jsonObject())
			.extraBody(Map.of("seed_note", "x"))
			.build();
		ChatOptions request = this.primaryDefaults.mergedWith(perCall);

		ChatOptions sent = FallbackExchange.optionsFor(request, this.primaryDefaults, this.fallbackDefaults);

		assertThat(sent.model()).isEqualTo("qwen-plus");
		assertThat(sent.temperature()).isEqualTo(0.9);
		assertThat(sent.user()).as("a default of the first provider only").isNull();
		assertThat(sent.maxTokens()).isEqualTo(50);
		assertThat(sent.responseFormat()).isEqualTo(ResponseFormat.jsonObject());
		assertThat(sent.extraBody()).containsExactlyInAnyOrderEntriesOf(
				Map.of("enable_thinking", true, "seed_note", "x"));
	}

	@Test
	void fallbackWithoutAModelKeepsTheRequestsModel() {
		ChatOptions sent = FallbackExchange.optionsFor(this.primaryDefaults, this.primaryDefaults, ChatOptions.empty());
		assertThat(sent.model()).isEqualTo("gpt-4o");
		assertThat(sent.temperature()).isNull();
	}

}
