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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.chatstarter.core.Bounded;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTests {

	private static final String KEY = "key-7f3a9c2e1b4d8f6a0c5e";

	@Test
	void redactsEveryOccurrenceOfTheSecret() {
		SecretRedactor redactor = SecretRedactor.of(KEY);
		String text = "Incorrect API key provided: " + KEY + ". Key " + KEY + "x was rejected";
		assertThat(redactor.redact(text)).isEqualTo("Incorrect API key provided: ******. Key ******x was rejected");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Authorization: Bearer abc.DEF-123_456/78=       | Authorization: Bearer ******
			header was: bearer token (see docs)              | header was: bearer ****** (see docs)
			Incorrect API key provided: sk-proj-AbCdEf123456 | Incorrect API key provided: ******
			pinned key sk-0123456789abcdef-12 rejected        | pinned key ****** rejected
			""")
	void masksBearerTokensAndSkKeysWithoutKnowingTheSecret(String text, String expected) {
		assertThat(SecretRedactor.none().redact(text)).isEqualTo(expected);
		assertThat(SecretRedactor.of(KEY).redact(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "the task-abcdefghijkl was rejected", "sk-short is fine", "no secrets here", "" })
	void leavesOrdinaryTextAlone(String text) {
		assertThat(SecretRedactor.none().redact(text)).isEqualTo(text);
	}

	@Test
	void masksShortSecretsOnlyWhereTheyStandAlone() {
		SecretRedactor redactor = SecretRedactor.of("x");
		assertThat(redactor.redact("key x rejected, max tokens exceeded"))
			.isEqualTo("key ****** rejected, max tokens exceeded");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void blankSecretMeansNone(String secret) {
		assertThat(SecretRedactor.of(secret)).isSameAs(SecretRedactor.none());
	}

	@Test
	void toStringDoesNotShowTheSecret() {
		assertThat(SecretRedactor.of(KEY).toString()).doesNotContain(KEY).contains("******");
	}

	@Test
	void redactNullablePassesNullThrough() {
		assertThat(SecretRedactor.of(KEY).redactNullable(null)).isNull();
		assertThat(SecretRedactor.of(KEY).redactNullable(KEY)).isEqualTo("******");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bad key AbCdEf0123456789%2FXyZ%2Bw%3D%3D", "bad key AbCdEf0123456789%2fXyZ%2bw%3d%3d",
			"bad key AbCdEf0123456789\\/XyZ+w==", "bad key AbCdEf0123456789\\u002fXyZ+w==",
			"bad key abcdef0123456789/xyz+w==", "bad key AbCdEf0123456789...", "bad key AbCdEf01..." })
	void masksAlteredEchoes(String text) {
		assertThat(SecretRedactor.of("AbCdEf0123456789/XyZ+w==").redact(text)).startsWith("bad key ******")
			.doesNotContainIgnoringCase("AbCdEf01");
	}

	@Test
	void learnsSeveralSecretsAndCredentialHeaders() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.add("x-api-key", "hdr-0123456789abcdef");
		headers.add("Authorization",
				"Basic " + java.util.Base64.getEncoder().encodeToString("user:pa55word-xyz".getBytes()));
		headers.add("X-Title", "my-application-name");
		SecretRedactor redactor = SecretRedactor.forCredentials("  key-0123456789abcdef\n", headers);
		assertThat(
				redactor.redact("k key-0123456789abcdef h hdr-0123456789abcdef p pa55word-xyz t my-application-name"))
			.isEqualTo("k ****** h ****** p ****** t my-application-name");
	}

	@Test
	void shortDummyKeysAreMatchedExactlyOnly() {
		assertThat(SecretRedactor.of("EMPTY").redact("empty EMPTY")).isEqualTo("empty ******");
	}

	@Test
	void redactsInLinearTime() {
		SecretRedactor redactor = SecretRedactor.of("aaaaaaaaaaaaaaaab", "sk-aaaa");
		String text = "a".repeat(4_000_000) + "%2" + "\\\\".repeat(1000);
		Bounded.run(java.time.Duration.ofSeconds(10), () -> assertThat(redactor.redact(text)).contains("******"));
	}

	@Test
	void shortValuesOfHeadersNamedLikeCredentialsAreNoSecrets() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.add("X-Session-Affinity", "true");
		headers.add("X-Signature-Version", "2");
		assertThat(SecretRedactor.forCredentials(List.of(), headers).redact("stream is true, limit 2"))
			.isEqualTo("stream is true, limit 2");
	}

}
