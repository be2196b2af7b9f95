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

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring WebFlux is an optional dependency of core: with it off the class path, the
 * default transport still makes a call and a stream, reads an error answer and reports an
 * unreachable provider. The template runs in a class loader over the test class path
 * without {@code spring-webflux}; {@link WithoutWebFluxProbe} drives it there.
 */
class WithoutWebFluxTests {

	private static WireMockServer wireMock;

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		wireMock.start();
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"c","object":"chat.completion","created":1,"model":"gpt-4o",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}]}""")));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(
						"""
								data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"po"}}]}

								data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"ng"},"finish_reason":"stop"}]}

								data: [DONE]

								""")));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("rate me"))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@Test
	void theDefaultTransportCallsStreamsAndReadsErrorsWithoutWebFlux() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(classPathWithout("spring-webflux"),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("org.springframework.web.reactive.function.client.WebClient"));
			Class<?> probe = loader.loadClass(WithoutWebFluxProbe.class.getName());
			assertThat(probe.getClassLoader()).isSameAs(loader);
			Object outcome = probe.getMethod("run", String.class, String.class)
				.invoke(null, wireMock.baseUrl(), "http://127.0.0.1:" + closedPort());
			assertThat(outcome).isEqualTo(List.of("call: pong", "stream: [po, ng]",
					"error: ChatRateLimitException 429 Rate limit reached", "unreachable: ChatConnectionException"));
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The test class path without the jars whose file names contain a text. Surefire may
	 * start the JVM on a manifest-only jar, whose {@code Class-Path} lists the real
	 * entries.
	 */
	private static URL[] classPathWithout(String excluded) throws IOException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry);
			Manifest manifest = manifestOnly(path);
			if (manifest != null) {
				for (String relative : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
					add(urls, path.toUri().resolve(relative).toURL(), excluded);
				}
			}
			else {
				add(urls, path.toUri().toURL(), excluded);
			}
		}
		assertThat(urls).as("the class path has entries").hasSizeGreaterThan(10);
		return urls.toArray(URL[]::new);
	}

	private static void add(List<URL> urls, URL url, String excluded) throws MalformedURLException {
		if (!url.getPath()
			.substring(url.getPath().lastIndexOf('/', url.getPath().length() - 2) + 1)
			.contains(excluded)) {
			urls.add(URI.create(url.toString()).toURL());
		}
	}

	private static Manifest manifestOnly(Path path) throws IOException {
		if (!path.toString().endsWith(".jar") || !path.getFileName().toString().startsWith("surefire")) {
			return null;
		}
		try (JarFile jar = new JarFile(path.toFile())) {
			Manifest manifest = jar.getManifest();
			return (manifest != null && manifest.getMainAttributes().getValue("Class-Path") != null) ? manifest : null;
		}
	}

}
