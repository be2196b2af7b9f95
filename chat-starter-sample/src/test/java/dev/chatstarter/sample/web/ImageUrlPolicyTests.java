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

package dev.chatstarter.sample.web;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ImageUrlPolicy}: which image URLs the sample forwards (C20).
 */
class ImageUrlPolicyTests {

	private static final String PNG = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[64]);

	@Test
	void publicHttpUrlsAndBase64ImagesPass() {
		for (String url : new String[] { "https://example.com/image.jpg", "http://cdn.example.org:8080/a.png?x=1",
				"HTTPS://Example.COM/a.png", "https://93.184.215.14/a.png",
				"https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/a", PNG, "DATA:image/JPEG;base64,/9j/4AAQ" }) {
			assertThat(ImageUrlPolicy.check(url, null)).as(url).isNotNull();
		}
	}

	@Test
	void internalHostsAreRefusedInEveryLiteralForm() {
		for (String url : new String[] { "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
				"http://127.0.0.1:8080/actuator/env", "http://localhost/", "http://LOCALHOST./",
				"http://app.localhost/", "http://10.0.0.5/", "http://172.16.3.4/", "http://192.168.1.1/",
				"http://100.100.100.200/", "http://0.0.0.0/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
				"http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
				"http://[64:ff9b::7f00:1]/", "http://[2002:a00:1::]/", "http://[::]/",
				"http://metadata.google.internal/computeMetadata/v1/", "http://metadata/", "http://intranet/",
				"http://printer.local/", "http://10.0.0.1.nip.io/", "http://app.127.0.0.1.sslip.io/",
				"http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://127.1/", "http://224.0.0.1/",
				"http://255.255.255.255/" }) {
			assertThatExceptionOfType(BadChatRequestException.class).as(url)
				.isThrownBy(() -> ImageUrlPolicy.check(url, null));
		}
	}

	@Test
	void literalFormsAreParsedLikeInetAton() {
		assertThat(ImageUrlPolicy.ipv4Literal("2130706433")).containsExactly(127, 0, 0, 1);
		assertThat(ImageUrlPolicy.ipv4Literal("0x7f.1")).containsExactly(127, 0, 0, 1);
		assertThat(ImageUrlPolicy.ipv4Literal("0177.0.0.01")).containsExactly(127, 0, 0, 1);
		assertThat(ImageUrlPolicy.ipv4Literal("10.1.65535")).containsExactly(10, 1, 255, 255);
		assertThat(ImageUrlPolicy.ipv4Literal("example.com")).isNull();
		assertThat(ImageUrlPolicy.ipv4Literal("1.2.3.4.5")).isNull();
		assertThat(ImageUrlPolicy.ipv4Literal("256.1.1.1")).isNull();
		assertThat(ImageUrlPolicy.isInternalHost("8.8.8.8")).isFalse();
		assertThat(ImageUrlPolicy.isInternalHost("images.example.com")).isFalse();
	}

	@Test
	void otherSchemesCredentialsAndBadDataUrlsAreRefused() {
		for (String url : new String[] { "file:///etc/passwd", "ftp://example.com/a.png", "gopher://example.com/",
				"data:text/html;base64,PGgxPmhpPC9oMT4=", "data:image/svg+xml;base64,PHN2Zz4=",
				"data:image/png,rawbytes", "data:image/png;base64,not base64!", "data:image/png;base64,",
				"https://user:pass@example.com/a.png", "javascript:alert(1)", "not a url", "//example.com/a.png" }) {
			assertThatExceptionOfType(BadChatRequestException.class).as(url)
				.isThrownBy(() -> ImageUrlPolicy.check(url, null));
		}
	}

	@Test
	void sizesAreCapped() {
		String bigData = "data:image/png;base64," + "A".repeat(InputLimits.MAX_DATA_URL_CHARS);
		assertThatExceptionOfType(BadChatRequestException.class).isThrownBy(() -> ImageUrlPolicy.check(bigData, null))
			.withMessageContaining("at most " + InputLimits.MAX_DATA_URL_CHARS);
		String longUrl = "https://example.com/" + "a".repeat(InputLimits.MAX_HTTP_URL_CHARS);
		assertThatExceptionOfType(BadChatRequestException.class).isThrownBy(() -> ImageUrlPolicy.check(longUrl, null));
	}

}
