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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HealthErrorText}: URL credentials, control characters, length, and
 * linear time on hostile text.
 */
class HealthErrorTextTests {

	@Test
	void urlsLoseUserInfoQueryAndFragment() {
		String shown = HealthErrorText.of("Provider 'down' failed (connection failed): Connection refused "
				+ "(POST http://admin:PASS@127.0.0.1:1/v1/chat/completions?key=Q#frag) and HTTPS://u:p@h/x?token=T");

		assertThat(shown).contains("(POST http://127.0.0.1:1/v1/chat/completions")
			.contains("HTTPS://h/x")
			.doesNotContain("admin", "PASS", "key=Q", "frag", "u:p", "token=T");
	}

	@Test
	void passwordsWithCharactersThatMayEndATextDoNotSplitTheUrl() {
		assertThat(HealthErrorText.of("GET http://admin:pa)s,s'w;d@127.0.0.1:1/v1/models"))
			.isEqualTo("GET http://127.0.0.1:1/v1/models")
			.doesNotContain("pa)s");
	}

	@Test
	void controlCharactersBecomeSpaces() {
		assertThat(HealthErrorText.of("bad\r\n2026-01-01 INFO forged\u0000\u001b[31m\u2028line"))
			.isEqualTo("bad  2026-01-01 INFO forged  [31m line");
	}

	@Test
	void textIsCut() {
		String shown = HealthErrorText.of("x".repeat(10_000));
		assertThat(shown).hasSize(HealthErrorText.MAX_LENGTH + 1).endsWith("…");
		assertThat(HealthErrorText.of("short")).isEqualTo("short");
		String longUrl = HealthErrorText.of("GET http://admin:PASS@h/" + "p".repeat(1000) + "?key=Q");
		assertThat(longUrl).hasSize(HealthErrorText.MAX_LENGTH + 1).doesNotContain("PASS", "admin");
	}

	/**
	 * The review's hostile text for the old regex (C5, C1 class): {@code "http://"}
	 * repeated. Time per byte must not grow with the size: 1 KB and 1 MB are compared,
	 * never a wall-clock bound.
	 */
	@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	@Test
	void hostileUrlTextTakesLinearTime() {
		String small = "http://".repeat(1024 / 7);
		String large = "http://".repeat(1024 * 1024 / 7);
		for (int i = 0; i < 50; i++) {
			HealthErrorText.of(small);
			HealthErrorText.of(large.substring(0, 64 * 1024));
		}
		double smallPerByte = nanosPerByte(small, 2000);
		double largePerByte = nanosPerByte(large, 3);
		assertThat(largePerByte / smallPerByte).as("time per byte, 1 MB against 1 KB").isLessThan(20);
		assertThat(HealthErrorText.of(large)).hasSize(HealthErrorText.MAX_LENGTH + 1);

	}

	private static double nanosPerByte(String text, int runs) {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			HealthErrorText.of(text);
			best = Math.min(best, System.nanoTime() - start);
		}
		return (double) best / text.length();
	}

}
