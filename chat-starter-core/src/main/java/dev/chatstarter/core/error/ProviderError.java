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

package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The error a provider reported, whatever shape its body had. Texts are as the provider
 * sent them (not yet redacted); the error mapper redacts them before they reach an
 * exception.
 *
 * @param message the provider's error message, kept in full (including a relay's
 * {@code (request id: ...)} suffix)
 * @param code the provider's error code as text, whether it was sent as a string or a
 * number
 * @param type the provider's error type
 * @param param the request parameter the error is about
 * @param requestId the request id found in the body or in the message suffix
 */
public record ProviderError(@Nullable String message, @Nullable String code, @Nullable String type,
		@Nullable String param, @Nullable String requestId) {

	private static final ProviderError EMPTY = new ProviderError(null, null, null, null, null);

	/**
	 * Return an error that says nothing (an empty or unreadable body).
	 * @return the empty error
	 */
	public static ProviderError empty() {
		return EMPTY;
	}

	/**
	 * Return an error that only has a message.
	 * @param message the message, or {@code null}
	 * @return the error
	 */
	public static ProviderError ofMessage(@Nullable String message) {
		return (message != null) ? new ProviderError(message, null, null, null, null) : EMPTY;
	}

	/**
	 * Return the code as an integer when it is a whole number.
	 * @return the numeric code, or {@code null} when the code is absent or not numeric
	 */
	public @Nullable Integer numericCode() {
		String code = this.code;
		if (code == null || code.isEmpty() || code.length() > 9) {
			return null;
		}
		int start = (code.charAt(0) == '-') ? 1 : 0;
		if (start == code.length()) {
			return null;
		}
		for (int i = start; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return Integer.valueOf(code);
	}

}
