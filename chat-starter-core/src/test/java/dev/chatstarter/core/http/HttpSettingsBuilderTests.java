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

package dev.chatstarter.core.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HttpSettings.Builder}: the defaults a template starts from, every
 * setting, {@code mutate()} as a copy, and the checks.
 */
class HttpSettingsBuilderTests {

	@Test
	void defaultsAreTheTemplatesDefaults() {
		HttpSettings settings = HttpSettings.builder().baseUrl("https://api.example.com").build();
		assertThat(settings)
			.isEqualTo(new HttpSettings("https://api.example.com", null, settings.headers(), Duration.ofSeconds(10),
					Duration.ofSeconds(60), Duration.ofSeconds(120), RetryPolicy.defaults(), HttpVersion.HTTP_1_1,
					HttpSettings.DEFAULT_MAX_RESPONSE_BYTES, HttpSettings.DEFAULT_MAX_STREAM_BYTES, null));
		assertThat(settings.headers().isEmpty()).isTrue();
	}

	@Test
	void everySettingIsKeptAndMutateCopiesThemIndependently() {
		HttpSettings settings = HttpSettings.builder()
			.baseUrl("https://api.example.com")
			.apiKey(" sk-1 \n")
			.headers((headers) -> headers.add("X-Team", "search"))
			.connectTimeout(Duration.ofSeconds(1))
			.responseTimeout(Duration.ofSeconds(2))
			.streamIdleTimeout(Duration.ofSeconds(3))
			.retryPolicy(RetryPolicy.none())
			.httpVersion(HttpVersion.HTTP_2)
			.maxResponseSize(DataSize.ofKilobytes(64))
			.maxStreamSize(DataSize.ofMegabytes(1))
			.callTimeout(Duration.ofMinutes(1))
			.build();
		assertThat(settings.apiKey()).isEqualTo("sk-1");
		assertThat(settings.headers().getFirst("X-Team")).isEqualTo("search");
		assertThat(settings.maxResponseBytes()).isEqualTo(64 * 1024);
		assertThat(settings.maxStreamBytes()).isEqualTo(1024 * 1024);
		assertThat(settings.mutate().build()).isEqualTo(settings);
		HttpSettings other = settings.mutate()
			.headers((headers) -> headers.add("X-Other", "1"))
			.callTimeout(null)
			.build();
		assertThat(other.callTimeout()).isNull();
		assertThat(other.headers().getFirst("X-Other")).isEqualTo("1");
		assertThat(settings.headers().containsHeader("X-Other")).isFalse();
		assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void badValuesAreRefusedWithTheSettingNamed() {
		HttpSettings.Builder builder = HttpSettings.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ZERO))
			.withMessage("connectTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.callTimeout(Duration.ofSeconds(-1)))
			.withMessage("callTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxResponseSize(DataSize.ofBytes(0)))
			.withMessage("maxResponseSize must be between 1 byte and 2 GB");
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessageStartingWith("baseUrl must not be empty");
	}

}
