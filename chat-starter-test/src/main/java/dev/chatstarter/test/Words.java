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

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the fragments a fake stream sends and counts "tokens" as words. A
 * fragment is a word with the whitespace before it ({@code "Hello"}, {@code " world"}),
 * one CJK character, or at most {@value #MAX_FRAGMENT_LENGTH} characters of a longer
 * word, so the fragments always join back to the text.
 */
final class Words {

	static final int MAX_FRAGMENT_LENGTH = 16;

	private Words() {
	}

	/**
	 * Split a text into stream fragments.
	 * @param text the text
	 * @return the fragments, which join back to the text; empty for an empty text
	 */
	static List<String> split(String text) {
		List<String> fragments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int wordLength = 0;
		boolean previousCjk = false;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			boolean space = Character.isWhitespace(codePoint);
			boolean cjk = isCjk(codePoint);
			if (wordLength > 0 && (space || cjk || previousCjk || wordLength >= MAX_FRAGMENT_LENGTH)) {
				fragments.add(current.toString());
				current.setLength(0);
				wordLength = 0;
			}
			current.appendCodePoint(codePoint);
			if (!space) {
				wordLength++;
				previousCjk = cjk;
			}
			i += Character.charCount(codePoint);
		}
		if (current.length() > 0) {
			if (wordLength == 0 && !fragments.isEmpty()) {
				int last = fragments.size() - 1;
				fragments.set(last, fragments.get(last) + current);
			}
			else {
				fragments.add(current.toString());
			}
		}
		return fragments;
	}

	/**
	 * Count the words of a text, the way the fake server estimates token usage.
	 * @param text the text
	 * @return the number of fragments that hold more than whitespace
	 */
	static int count(String text) {
		int count = 0;
		for (String fragment : split(text)) {
			if (!fragment.isBlank()) {
				count++;
			}
		}
		return count;
	}

	private static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
