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

		assertThat(Words.split(json)).allSatisfy((fragment) -> assertThat(fragment.strip().length())
			.isLessThanOrEqualTo(Words.MAX_FRAGMENT_LENGTH));
		assertThat(String.join("", Words.split(json))).isEqualTo(json);
		assertThat(String.join("", Words.split("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"))).isEqualTo("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
	}

	@Test
	void emptyAndBlankTexts() {
		assertThat(Words.split("")).isEmpty();
		assertThat(Words.split("  ")).containsExactly("  ");
		assertThat(Words.count("  ")).isZero();
	}

}
