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

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.netty.handler.ssl.SslContextBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.Assert;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider.GenericSslContextSpec;

import dev.chatstarter.core.http.HttpVersion;

/**
 * Secures a Reactor Netty {@link HttpClient} with the key and trust managers, ciphers and
 * protocols of a Spring Boot {@link SslBundle}, keeping the ALPN setup that the HTTP
 * version needs.
 */
final class SslBundleHttpClientCustomizer implements UnaryOperator<HttpClient> {

	private final SslBundle bundle;

	private final HttpVersion httpVersion;

	SslBundleHttpClientCustomizer(SslBundle bundle, HttpVersion httpVersion) {
		Assert.notNull(bundle, "bundle must not be null");
		Assert.notNull(httpVersion, "httpVersion must not be null");
		this.bundle = bundle;
		this.httpVersion = httpVersion;
	}

	@Override
	public HttpClient apply(HttpClient httpClient) {
		return httpClient.secure((spec) -> spec.sslContext(sslContextSpec()));
	}

	private GenericSslContextSpec<SslContextBuilder> sslContextSpec() {
		Consumer<SslContextBuilder> configurer = this::configure;
		return (this.httpVersion == HttpVersion.HTTP_2) ? Http2SslContextSpec.forClient().configure(configurer)
				: Http11SslContextSpec.forClient().configure(configurer);
	}

	private void configure(SslContextBuilder builder) {
		SslManagerBundle managers = this.bundle.getManagers();
		builder.keyManager(managers.getKeyManagerFactory()).trustManager(managers.getTrustManagerFactory());
		SslOptions options = this.bundle.getOptions();
		if (options.getCiphers() != null) {
			builder.ciphers(SslOptions.asSet(options.getCiphers()));
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
	}

}
