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

package dev.chatstarter.core.internal.output;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.output.MathSolution;
import dev.chatstarter.core.output.StructuredOutputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntityParserTests {

	private static final String JSON = """
			{"steps":[{"explanation":"subtract 31","output":"8x = -29"}],"final_answer":"x = -29/8"}""";

	private static final MathSolution EXPECTED = new MathSolution(
			List.of(new MathSolution.Step("subtract 31", "8x = -29")), "x = -29/8");

	private final EntityParser parser = new EntityParser();

	@Test
	void plainJson() {
		assertThat(this.parser.parse("openai", JSON, MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void surroundingWhitespace() {
		assertThat(this.parser.parse("deepseek", "\n\n  " + JSON + "  \n", MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void codeFenceWithLanguage() {
		assertThat(this.parser.parse("openai", "```json\n" + JSON + "\n```", MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void codeFenceWithoutLanguageAndProseAround() {
		String text = "Here is the solution:\n\n```\n" + JSON + "\n```\nHope this helps!";
		assertThat(this.parser.parse("openai", text, MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void leadingAndTrailingProseWithoutFence() {
		String text = "Sure! " + JSON + " Let me know if you need more.";
		assertThat(this.parser.parse("openai", text, MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void thinkingBlockBeforeTheJson() {
		String text = "<think>8x = 2 - 31, so {x} is negative</think>\n" + JSON;
		assertThat(this.parser.parse("qwen", text, MathSolution.class)).isEqualTo(EXPECTED);
	}

	@Test
	void genericType() {
		String text = "```json\n[{\"explanation\":\"a\",\"output\":\"b\"}]\n```";
		List<MathSolution.Step> steps = this.parser.parse("openai", text,
				new ParameterizedTypeReference<List<MathSolution.Step>>() {
				});
		assertThat(steps).containsExactly(new MathSolution.Step("a", "b"));
	}

	@Test
	void invalidJsonFailsWithTheRawText() {
		String text = "I cannot solve this equation, sorry.";
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", text, MathSolution.class))
			.isInstanceOf(ChatMalformedResponseException.class)
			.withMessageStartingWith("Provider 'openai' failed (malformed response): the answer is not valid JSON for "
					+ MathSolution.class.getName())
			.withMessageContaining("\"I cannot solve this equation, sorry.\"")
			.satisfies((ex) -> {
				assertThat(ex.getRawText()).isEqualTo(text);
				assertThat(ex.getTargetType()).isEqualTo(MathSolution.class);
				assertThat(ex.getProvider()).isEqualTo("openai");
				assertThat(ex.getRawExcerpt()).isEqualTo("\"" + text + "\"");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void longTextIsTruncatedInTheMessageButKeptWhole() {
		String text = "{\"steps\": [" + "x".repeat(1000);
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", text, MathSolution.class))
			.withMessageContaining("...\" (" + text.length() + " characters)")
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).hasSizeLessThan(600);
				assertThat(ex.getRawText()).isEqualTo(text);
				assertThat(ex.getCause()).isNotNull();
			});
	}

	@Test
	void jsonOfTheWrongShapeFails() {
		String text = "{\"steps\": \"first subtract\", \"final_answer\": \"x\"}";
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", text, MathSolution.class))
			.withMessageContaining("steps")
			.satisfies((ex) -> assertThat(ex.getRawText()).isEqualTo(text));
	}

	@Test
	void emptyOrNullAnswerFails() {
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", "  ", MathSolution.class))
			.withMessageContaining("the answer is empty");
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", null, MathSolution.class))
			.withMessageContaining("<no text>")
			.satisfies((ex) -> assertThat(ex.getRawText()).isNull());
	}

	@Test
	void jsonNullFails() {
		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> this.parser.parse("openai", "null", MathSolution.class))
			.withMessageContaining("JSON null");
	}

	@Test
	void candidatesGoFromLiteralToNarrow() {
		assertThat(EntityParser.candidates("Answer: ```json\n{\"a\":1}\n``` done"))
			.containsExactly("Answer: ```json\n{\"a\":1}\n``` done", "{\"a\":1}");
		assertThat(EntityParser.candidates("{\"a\":1}")).containsExactly("{\"a\":1}");
	}

}
