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

package dev.chatstarter.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Words}.
 */
class WordsTests {

	@Test
	void wordsKeepTheirLeadingWhitespace() {
		assertThat(Words.split("Hello  big\nworld ")).containsExactly("Hello", "  big", "\nworld ");
		assertThat(Words.count("Hello  big\nworld ")).isEqualTo(3);
	}

	@Test
	void cjkCharactersAreWordsOfTheirOwn() {
		assertThat(Words.split("北京今天 sunny")).containsExactly("北", "京", "今", "天", " sunny");
	}

	@Test
	void longWordsAreCutAndFragmentsJoinBack() {
		String json = "{\"steps\":[{\"explanation\":\"Start\"}],\"final_answer\":\"x = -29/8\"}";

		assertThat(Words.split(json)).allSatisfy(
				(fragment) -> assertThat(fragment.strip().length()).isLessThanOrEqualTo(Words.MAX_FRAGMENT_LENGTH));
		assertThat(String.join("", Words.split(json))).isEqualTo(json);
		assertThat(String.join("", Words.split("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")))
			.isEqualTo("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
	}

	@Test
	void emptyAndBlankTexts() {
		assertThat(Words.split("")).isEmpty();
		assertThat(Words.split("  ")).containsExactly("  ");
		assertThat(Words.count("  ")).isZero();
	}

}
