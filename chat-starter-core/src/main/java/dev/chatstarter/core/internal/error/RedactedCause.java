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

package dev.chatstarter.core.internal.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.http.BaseUrl;

/**
 * A stand-in for a throwable whose message (or that of a throwable in its cause or
 * suppressed chain) held a secret or a URL with user info or a query: same class name
 * (shown by {@link #toString()}, hence in printed stack traces), same stack trace, the
 * message with secrets masked and URLs {@link BaseUrl#redacted(String) reduced}. A
 * {@link ChatException} carries one of these instead of the original, so
 * {@code log.error("...", ex)} prints no secret. Chains that are already clean are kept
 * as they are, with their real types.
 */
final class RedactedCause extends RuntimeException {

	private static final int MAX_THROWABLES = 64;

	private final String originalClassName;

	private RedactedCause(String originalClassName, @Nullable String message) {
		super(message);
		this.originalClassName = originalClassName;
	}

	/**
	 * Return the failure itself when no message in its chain shows a secret or a URL with
	 * user info or a query, else a redacted copy of the whole chain (causes and
	 * suppressed).
	 * @param failure the failure, or {@code null}
	 * @param redactor the provider's redactor
	 * @return the failure or its redacted copy
	 */
	static @Nullable Throwable clean(@Nullable Throwable failure, SecretRedactor redactor) {
		if (failure == null || isClean(failure, redactor, Collections.newSetFromMap(new IdentityHashMap<>()))) {
			return failure;
		}
		return copy(failure, redactor, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	/**
	 * Return the name of the class of the throwable this one stands for.
	 * @return the fully qualified class name
	 */
	String originalClassName() {
		return this.originalClassName;
	}

	@Override
	public String toString() {
		String message = getLocalizedMessage();
		return (message != null) ? this.originalClassName + ": " + message : this.originalClassName;
	}

	private static boolean isClean(Throwable failure, SecretRedactor redactor, Set<Throwable> seen) {
		if (!seen.add(failure) || seen.size() > MAX_THROWABLES) {
			return true;
		}
		String message = failure.getMessage();
		if (message != null && !message.equals(redact(message, redactor))) {
			return false;
		}
		if (failure.getCause() != null && !isClean(failure.getCause(), redactor, seen)) {
			return false;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (!isClean(suppressed, redactor, seen)) {
				return false;
			}
		}
		return true;
	}

	private static Throwable copy(Throwable failure, SecretRedactor redactor, Set<Throwable> seen) {
		String message = failure.getMessage();
		RedactedCause copy = new RedactedCause(failure.getClass().getName(),
				(message != null) ? redact(message, redactor) : null);
		copy.setStackTrace(failure.getStackTrace());
		seen.add(failure);
		Throwable cause = failure.getCause();
		if (cause != null && !seen.contains(cause) && seen.size() < MAX_THROWABLES) {
			copy.initCause(copy(cause, redactor, seen));
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (!seen.contains(suppressed) && seen.size() < MAX_THROWABLES) {
				copy.addSuppressed(copy(suppressed, redactor, seen));
			}
		}
		return copy;
	}

	/**
	 * The text with secrets masked and every {@code scheme://...} URL in it reduced to
	 * scheme, host, port and path.
	 * @param text the text to redact
	 * @param redactor masks the secrets
	 * @return the text without secrets and URL credentials
	 */
	static String redact(String text, SecretRedactor redactor) {
		return redactor.redact(withoutUrlCredentials(text));
	}

	/**
	 * The text with every URL in it ({@code scheme://} up to whitespace, a quote or a
	 * closing bracket) shown by {@link BaseUrl#redacted(String)}. Linear in the text's
	 * length.
	 * @param text the text whose URLs to reduce
	 * @return the text with each URL redacted, the rest unchanged
	 */
	static String withoutUrlCredentials(String text) {
		int separator = text.indexOf("://");
		if (separator < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		int written = 0;
		while (separator >= 0) {
			int start = separator;
			while (start > written && isSchemeChar(text.charAt(start - 1))) {
				start--;
			}
			int end = separator + 3;
			while (end < text.length() && !isUrlEnd(text.charAt(end))) {
				end++;
			}
			result.append(text, written, start).append(BaseUrl.redacted(text.substring(start, end)));
			written = end;
			separator = text.indexOf("://", end);
		}
		return result.append(text, written, text.length()).toString();
	}

	private static boolean isSchemeChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
				|| c == '.';
	}

	private static boolean isUrlEnd(char c) {
		return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')' || c == ']'
				|| c == '}' || c == '`';
	}

}
