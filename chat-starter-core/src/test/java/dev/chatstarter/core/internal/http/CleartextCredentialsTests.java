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

package dev.chatstarter.core.internal.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class CleartextCredentialsTests {

	@ParameterizedTest
	@CsvSource({ "http://relay.example.com/v1, key, , true", "http://10.0.0.5:8000/v1, key, , true",
			"http://relay.example.com/v1, , x-api-key, true", "http://relay.example.com/v1, , X-Title, false",
			"http://relay.example.com/v1, , , false", "https://relay.example.com/v1, key, , false",
			"http://localhost:11434/v1, key, , false", "http://127.0.0.1:8000/v1, key, , false",
			"http://[::1]:8000/v1, key, , false", "http://ollama.localhost/v1, key, , false",
			"http://127.0.0.1.example.com/v1, key, , true" })
	void tellsWhenACredentialTravelsInClearText(String url, String apiKey, String header, boolean exposed) {
		HttpHeaders headers = new HttpHeaders();
		if (header != null) {
			headers.add(header, "value-0123456789");
		}
		assertThat(CleartextCredentials.isExposed(settings(url, apiKey, headers))).isEqualTo(exposed);
	}

	@Test
	void warnsOncePerProviderAndUrl() {
		HttpSettings settings = settings("http://user:pass@warn-once.example.com/v1?key=q", "key", new HttpHeaders());
		assertThat(CleartextCredentials.warnIfExposed("warn-once", settings)).isTrue();
		assertThat(CleartextCredentials.warnIfExposed("warn-once", settings)).isFalse();
	}

	private static HttpSettings settings(String url, String apiKey, HttpHeaders headers) {
		return new HttpSettings(url, apiKey, headers, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), RetryPolicy.none(), HttpVersion.HTTP_1_1);
	}

}
