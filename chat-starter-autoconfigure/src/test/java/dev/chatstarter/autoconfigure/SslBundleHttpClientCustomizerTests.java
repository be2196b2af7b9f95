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

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.chatstarter.core.http.HttpVersion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link SslBundleHttpClientCustomizer}: a TLS call to a server with a
 * self-signed certificate succeeds only through the bundle's trust manager.
 */
class SslBundleHttpClientCustomizerTests {

	private final WireMockServer server = new WireMockServer(
			wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());

	private final RecordingTrustManager trustManager = new RecordingTrustManager();

	private final SslBundle bundle = SslBundle.of(null, null, null, null, SslManagerBundle.from(this.trustManager));

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(get("/ping").willReturn(aResponse().withBody("pong")));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void theBundlesTrustManagerChecksTheServer() {
		HttpClient client = new SslBundleHttpClientCustomizer(this.bundle, HttpVersion.HTTP_1_1)
			.apply(HttpClient.create());
		assertThat(call(client)).isEqualTo("pong");
		assertThat(this.trustManager.checkedSubjects).isNotEmpty();
	}

	@Test
	void http2KeepsWorkingWithTheBundle() {
		HttpClient client = new SslBundleHttpClientCustomizer(this.bundle, HttpVersion.HTTP_2)
			.apply(HttpClient.create().protocol(HttpProtocol.H2, HttpProtocol.HTTP11));
		assertThat(call(client)).isEqualTo("pong");
		assertThat(this.trustManager.checkedSubjects).isNotEmpty();
	}

	@Test
	void withoutTheBundleTheSelfSignedServerIsRejected() {
		assertThatException().isThrownBy(() -> call(HttpClient.create()));
		assertThat(this.trustManager.checkedSubjects).isEmpty();
	}

	private String call(HttpClient client) {
		return client.get()
			.uri("https://localhost:" + this.server.httpsPort() + "/ping")
			.responseContent()
			.aggregate()
			.asString()
			.block(java.time.Duration.ofSeconds(10));
	}

	static final class RecordingTrustManager extends X509ExtendedTrustManager {

		final List<String> checkedSubjects = new CopyOnWriteArrayList<>();

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
			this.checkedSubjects.add(chain[0].getSubjectX500Principal().getName());
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
			throw new UnsupportedOperationException();
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
