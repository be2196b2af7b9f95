package dev.chatstarter.core.tool;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolErrorConverterTests {

	private final ToolErrorConverter neutral = ToolErrorConverter.neutral();

	@Test
	void arbitraryExceptionsShowOnlyTheirSimpleClassName() {
		assertThat(this.neutral.convert("lookup", new IllegalStateException("jdbc:postgresql://h/db?password=hunter2")))
			.isEqualTo("{\"error\":\"tool 'lookup' failed with IllegalStateException\"}");
		assertThat(this.neutral.convert("lookup", new RuntimeException("secret") {
		})).isEqualTo("{\"error\":\"tool 'lookup' failed\"}");
	}

	@Test
	void ownFailuresShowTheirMessage() {
		assertThat(ToolErrorConverter.neutralMessage("w", new ToolArgumentException("w", "unit", "'unit' is required",
				null)))
			.isEqualTo("Invalid arguments for tool 'w': 'unit' is required");
		assertThat(ToolErrorConverter.neutralMessage("x", new UnknownToolException("x", List.of("w"))))
			.isEqualTo("Unknown tool 'x'; the tools offered are ['w']");
		assertThat(ToolErrorConverter.neutralMessage("w", new TimeoutException("Did not observe any item")))
			.isEqualTo("tool 'w' did not finish in time");
		assertThat(ToolErrorConverter.neutralMessage("w", new ToolErrorException("w", new StackOverflowError())))
			.isEqualTo("tool 'w' failed with StackOverflowError");
	}

	@Test
	void madeUpNamesAreQuotedAndCut() {
		String name = "get\r\nFORGED" + "x".repeat(100);
		String message = ToolErrorConverter.neutralMessage(name, new IllegalStateException());
		assertThat(message).startsWith("tool \"get\\r\\nFORGEDxxx")
			.contains("… (111 characters)")
			.doesNotContain("\n")
			.doesNotContain("\r");
	}

	@Test
	void errorResultEscapesItsMessage() {
		assertThat(ToolErrorConverter.errorResult("say \"no\"\n")).isEqualTo("{\"error\":\"say \\\"no\\\"\\n\"}");
	}

}
