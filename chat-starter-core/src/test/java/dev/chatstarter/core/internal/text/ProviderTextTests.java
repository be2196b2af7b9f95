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

package dev.chatstarter.core.internal.text;

import org.junit.jupiter.api.Test;

import dev.chatstarter.core.error.ErrorDetails;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderTextTests {

	@Test
	void escapesEveryCharacterThatCanBreakALogLine() {
		assertThat(ProviderText.escapeControls("a\nb\rc\u0000d\u0085e\u2028f\u2029g\u202eh\u001bi\tj"))
			.isEqualTo("a\\nb\\rc\\u0000d\\u0085e\\u2028f\\u2029g\\u202eh\\u001bi\tj");
	}

	@Test
	void returnsSafeTextAsItIs() {
		String text = "Incorrect API key provided: ****** 你好";
		assertThat(ProviderText.escapeControls(text)).isSameAs(text);
	}

	@Test
	void capsLongTextWithItsLength() {
		assertThat(ProviderText.cap("abcdef", 3)).isEqualTo("abc… (6 characters)");
		assertThat(ProviderText.cap("abc", 3)).isEqualTo("abc");
	}

	@Test
	void neverSplitsASurrogatePair() {
		assertThat(ProviderText.cap("a\uD83D\uDE00b", 2)).isEqualTo("a… (4 characters)");
	}

	@Test
	void errorDetailsEscapeEveryText() {
		ErrorDetails details = new ErrorDetails("p", 400, "m\nx", "c\r", "t\u2028", "e\n", "r\n");
		assertThat(details.toString()).doesNotContain("\n", "\r", "\u2028");
	}

}
