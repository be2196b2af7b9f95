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
		assertThat(ToolErrorConverter.neutralMessage("w",
				new ToolArgumentException("w", "unit", "'unit' is required", null)))
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
