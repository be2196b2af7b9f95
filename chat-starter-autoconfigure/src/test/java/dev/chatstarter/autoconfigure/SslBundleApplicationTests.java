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

package dev.chatstarter.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatException;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A provider behind TLS with a certificate that only the application's SSL bundle trusts.
 */
class SslBundleApplicationTests {

	private WireMockServer server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() throws Exception {
		this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1")
			.dynamicPort()
			.dynamicHttpsPort()
			.keystoreType("PKCS12")
			.keystorePath(new ClassPathResource("test-server.p12").getFile().getAbsolutePath())
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
		this.server.start();
		this.server.stubFor(post("/v1/chat/completions").willReturn(
				okJson("""
						{"id":"c1","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"hi over tls"},
						 "finish_reason":"stop"}]}""")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, SslAutoConfiguration.class))
			.withPropertyValues("spring.ssl.bundle.pem.corp.truststore.certificate=classpath:test-server.crt",
					"chat.providers.corp.base-url=https://localhost:" + this.server.httpsPort() + "/v1",
					"chat.providers.corp.retry.max-attempts=1");
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-1-1", "http-2" })
	void theBundleTrustsTheProvidersCertificate(String httpVersion) {
		this.runner
			.withPropertyValues("chat.providers.corp.ssl-bundle=corp",
					"chat.providers.corp.http-version=" + httpVersion)
			.run((context) -> {
				assertThat(context.getBean(ChatTemplate.class).prompt("hi").call().content()).isEqualTo("hi over tls");
				this.server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-1-1", "http-2" })
	void withoutTheBundleTheCertificateIsRejected(String httpVersion) {
		this.runner.withPropertyValues("chat.providers.corp.http-version=" + httpVersion)
			.run((context) -> assertThatExceptionOfType(ChatException.class)
				.isThrownBy(() -> context.getBean(ChatTemplate.class).prompt("hi").call().content()));
	}

}
