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

package dev.chatstarter.autoconfigure.health;

import dev.chatstarter.core.http.BaseUrl;

/**
 * Makes a failure message (or any other provider-controlled text, like the answering
 * model's name) fit to show in health details, which may be public: every {@code http://}
 * or {@code https://} URL in it loses its user info, query and fragment
 * ({@link BaseUrl#redacted(String)}), control characters become spaces, and the text is
 * cut to {@value #MAX_LENGTH} characters. One pass over the text, no regular expression:
 * linear in its length whatever a provider put into it.
 */
final class HealthErrorText {

	/** The longest error text shown; longer text is cut and ends with an ellipsis. */
	static final int MAX_LENGTH = 300;

	private static final String ELLIPSIS = "…";

	private HealthErrorText() {
	}

	/**
	 * Return the text to show.
	 * @param message the failure message, possibly long and provider-controlled
	 * @return the text without URL credentials or control characters, at most
	 * {@value #MAX_LENGTH} characters
	 */
	static String of(String message) {
		StringBuilder shown = new StringBuilder(Math.min(message.length(), MAX_LENGTH + 16));
		int index = 0;
		while (index < message.length() && shown.length() <= MAX_LENGTH) {
			int url = urlAt(message, index);
			if (url > 0) {
				int end = urlEnd(message, index + url);
				appendClean(shown, BaseUrl.redacted(message.substring(index, end)));
				index = end;
			}
			else {
				appendClean(shown, message.charAt(index));
				index++;
			}
		}
		if (shown.length() > MAX_LENGTH || index < message.length()) {
			shown.setLength(Math.min(shown.length(), MAX_LENGTH));
			shown.append(ELLIPSIS);
		}
		return shown.toString();
	}

	/**
	 * The length of the {@code http://} or {@code https://} prefix at an index, or 0.
	 * @param message the message
	 * @param index where a URL may start
	 * @return the length of the scheme prefix there, or 0 when none starts there
	 */
	private static int urlAt(String message, int index) {
		if (message.regionMatches(true, index, "http://", 0, 7)) {
			return 7;
		}
		return message.regionMatches(true, index, "https://", 0, 8) ? 8 : 0;
	}

	/**
	 * Where a URL ends: at whitespace, a control character or a character a URL cannot
	 * hold ({@code " < > \ ^ ` { | }}). Characters a password may hold ({@code ) , ' ;})
	 * do not end it, so no part of a user info is left outside the URL that is redacted.
	 * @param message the message
	 * @param from the index of the URL's first character after its scheme
	 * @return the index just after the URL's last character
	 */
	private static int urlEnd(String message, int from) {
		int end = from;
		while (end < message.length()) {
			char c = message.charAt(end);
			if (c <= ' ' || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || Character.isWhitespace(c)) {
				break;
			}
			end++;
		}
		return end;
	}

	private static void appendClean(StringBuilder shown, String text) {
		for (int i = 0; i < text.length() && shown.length() <= MAX_LENGTH; i++) {
			appendClean(shown, text.charAt(i));
		}
	}

	private static void appendClean(StringBuilder shown, char c) {
		shown.append((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? ' ' : c);
	}

}
