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

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.WebClientTransport;

/**
 * The {@code transport: web-client} of a provider: Spring Boot's
 * {@link WebClient.Builder} (a prototype bean, with the application's customizations)
 * when there is one, else a plain builder, got when the first request needs it rather
 * than at start-up. Spring WebFlux is optional: this class is loaded only once
 * {@link #isPresent} said it is there.
 */
final class WebClientTransports {

	private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

	private WebClientTransports() {
	}

	/**
	 * Whether Spring WebFlux's {@code WebClient} is on the class path.
	 * @param classLoader the class loader to look in, or {@code null} for the default
	 * @return whether {@code transport: web-client} can be used
	 */
	static boolean isPresent(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(WEB_CLIENT, classLoader);
	}

	/**
	 * Create the transport.
	 * @param beanFactory where Spring Boot's builder is looked up
	 * @param customizer customizes the Reactor Netty client of the connector (e.g. the
	 * SSL bundle)
	 * @return the transport
	 */
	static ChatTransport create(ListableBeanFactory beanFactory, UnaryOperator<HttpClient> customizer) {
		ObjectProvider<WebClient.Builder> builders = beanFactory.getBeanProvider(WebClient.Builder.class);
		return WebClientTransport.of(() -> builders.getIfUnique(WebClient::builder)).customize(customizer);
	}

}
