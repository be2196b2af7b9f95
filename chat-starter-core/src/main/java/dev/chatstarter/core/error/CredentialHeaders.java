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

import java.util.List;
import java.util.Locale;

/**
 * Tells which request headers carry credentials: {@code Authorization}, {@code api-key},
 * {@code x-api-key}, {@code Ocp-Apim-Subscription-Key}, {@code X-Auth-Token},
 * {@code Cookie} and anything else whose name contains one of the words below
 * ({@code X-Auth}, {@code X-Jwt}, {@code X-Signature}, {@code Session}, ...) or is made
 * of short words one of which is {@code pat}, {@code pass} or {@code pwd}
 * ({@code X-PAT}). Their values are redacted from provider messages like the API key, and
 * masked in actuator output. This is the one list; every component that decides whether a
 * header is secret asks here.
 */
public final class CredentialHeaders {

	/**
	 * The parts of a lower-cased header name that make it a credential.
	 */
	private static final List<String> CREDENTIAL_NAME_PARTS = List.of("auth", "key", "token", "secret", "password",
			"passwd", "cookie", "credential", "session", "sign", "jwt", "bearer");

	/**
	 * Short words that make a header name a credential only as a whole word between
	 * {@code -}, {@code _} or {@code .}: {@code X-PAT} (a personal access token) and
	 * {@code X-Pass} are credentials, {@code X-Path} and {@code X-Passenger-Id} are not.
	 */
	private static final List<String> CREDENTIAL_NAME_WORDS = List.of("pat", "pass", "pwd");

	private CredentialHeaders() {
	}

	/**
	 * Whether a header's value is a credential.
	 * @param headerName the header name, in any case
	 * @return {@code true} if its value must never be shown
	 */
	public static boolean isCredential(String headerName) {
		String name = headerName.toLowerCase(Locale.ROOT);
		for (String part : CREDENTIAL_NAME_PARTS) {
			if (name.contains(part)) {
				return true;
			}
		}
		for (String word : name.split("[-_.]")) {
			if (CREDENTIAL_NAME_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
