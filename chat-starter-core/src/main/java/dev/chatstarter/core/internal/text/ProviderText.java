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

/**
 * Makes text that came from a provider safe to put on one log line: control characters
 * (CR, LF and the other C0 and C1 controls), the Unicode line and paragraph separators
 * and the bidirectional-override characters are written as escapes ({@code \n},
 * {@code \r}, {@code &#92;u2028}), and long texts are cut with a note of their length.
 * Linear in the text's length.
 */
public final class ProviderText {

	/**
	 * The longest provider message an exception message shows, in characters.
	 */
	public static final int MESSAGE_LIMIT = 2_000;

	private ProviderText() {
	}

	/**
	 * Return the text with every character that could break or forge a log line escaped;
	 * tabs are kept.
	 * @param text the provider's text
	 * @return the same text when nothing needed escaping, else the escaped copy
	 */
	public static String escapeControls(String text) {
		int first = firstUnsafe(text);
		if (first < 0) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isUnsafe(c)) {
				escaped.append(c);
			}
			else if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else {
				escaped.append(String.format("\\u%04x", (int) c));
			}
		}
		return escaped.toString();
	}

	/**
	 * Return the text cut to {@code limit} characters followed by
	 * {@code … (N characters)}, or the text itself when it is not longer than that. A
	 * surrogate pair is never split.
	 * @param text the text
	 * @param limit the longest text kept, in characters
	 * @return the text, possibly cut
	 */
	public static String cap(String text, int limit) {
		if (text.length() <= limit) {
			return text;
		}
		int end = limit;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "… (" + text.length() + " characters)";
	}

	/**
	 * Whether a character is a line or paragraph separator or an invisible formatting
	 * control that can reorder or hide text ({@code U+2028}, {@code U+2029},
	 * {@code U+200E}, {@code U+200F}, {@code U+202A}–{@code U+202E},
	 * {@code U+2066}–{@code U+2069}).
	 * @param c the character
	 * @return whether it is one of those
	 */
	public static boolean isLineBreakOrFormat(char c) {
		return c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
				|| (c >= '\u2066' && c <= '\u2069');
	}

	private static boolean isUnsafe(char c) {
		return (c != '\t' && Character.isISOControl(c)) || isLineBreakOrFormat(c);
	}

	private static int firstUnsafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isUnsafe(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}
