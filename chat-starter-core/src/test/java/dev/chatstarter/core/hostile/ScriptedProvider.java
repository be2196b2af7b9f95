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

package dev.chatstarter.core.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider on loopback (the JDK's HTTP server) that answers every request with what a
 * script makes of its request headers: the status, the content type and the body. Used to
 * echo secrets back and to send hostile error pages.
 */
final class ScriptedProvider implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	final AtomicInteger requests = new AtomicInteger();

	ScriptedProvider(Function<Headers, Answer> script) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				this.requests.incrementAndGet();
				Answer answer = script.apply(exchange.getRequestHeaders());
				exchange.getResponseHeaders().set("Content-Type", answer.contentType());
				exchange.sendResponseHeaders(answer.status(), answer.body().length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer.body());
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		});
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** One answer. */
	record Answer(int status, String contentType, byte[] body) {

		static Answer of(int status, String contentType, String body) {
			return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
		}

	}

}
