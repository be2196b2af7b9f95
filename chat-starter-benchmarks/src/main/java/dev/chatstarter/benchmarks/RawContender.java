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

package dev.chatstarter.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The floor: Reactor Netty's {@link HttpClient} posting pre-built JSON and reading the
 * answer with the least work possible. As {@code raw} the content is located with
 * {@code indexOf}, in the answer and in each {@code data:} line of a stream, without
 * parsing or unescaping JSON; as {@code raw-jackson} every answer and every {@code data:}
 * line is read to its end by Jackson's streaming parser, the least a client that parses
 * JSON must do. Either delivers the same text fragments as the other contenders.
 */
final class RawContender implements Contender {

	static final byte[] REQUEST = ("{\"model\":\"" + StubServer.MODEL + "\",\"messages\":[{\"role\":\"user\","
			+ "\"content\":\"" + PROMPT + "\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] STREAM_REQUEST = ("{\"model\":\"" + StubServer.MODEL + "\",\"messages\":[{\"role\":"
			+ "\"user\",\"content\":\"" + PROMPT + "\"}],\"stream\":true}")
		.getBytes(StandardCharsets.UTF_8);

	private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
			+ "\"description\":\"Current weather of a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
			+ "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";

	private final Parsing parsing;

	private final ConnectionProvider pool;

	private final HttpClient client;

	RawContender(String baseUrl, Parsing parsing) {
		this.parsing = parsing;
		this.pool = ConnectionProvider.builder("raw").maxConnections(20_000).pendingAcquireMaxCount(-1).build();
		this.client = HttpClient.create(this.pool)
			.baseUrl(baseUrl + "/v1")
			.headers((h) -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.AUTHORIZATION, "Bearer bench-key"));
	}

	private Mono<String> post(byte[] body) {
		return this.client.post()
			.uri("/chat/completions")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8));
	}

	@Override
	public String call() {
		return this.parsing.content(post(REQUEST).block());
	}

	static String content(String json) {
		int at = json.indexOf("\"content\":\"");
		return (at < 0) ? "" : json.substring(at + 11, json.indexOf('"', at + 11));
	}

	private Flux<ByteBuf> streamBody() {
		return this.client.post()
			.uri("/chat/completions")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(STREAM_REQUEST)))
			.responseContent();
	}

	@Override
	public int stream(long[] firstChunkAt) {
		FragmentReader reader = new FragmentReader(this.parsing, firstChunkAt);
		streamBody().doOnNext(reader).then().block();
		return reader.fragments;
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		FragmentReader reader = new FragmentReader(this.parsing, null);
		return streamBody().doOnNext(reader).then(Mono.fromSupplier(() -> reader.fragments)).toFuture();
	}

	@Override
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		String ask = "{\"model\":\"" + StubServer.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Weather in Paris?\"}]";
		String first = post((ask + TOOLS + "}").getBytes(StandardCharsets.UTF_8)).block();
		int idAt = first.indexOf("\"id\":\"call_");
		String callId = first.substring(idAt + 6, first.indexOf('"', idAt + 6));
		String result = WeatherTools.weather("Paris");
		String second = ask.substring(0, ask.length() - 1) + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
				+ "[{\"id\":\"" + callId + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
				+ "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"" + callId
				+ "\",\"content\":\"" + result + "\"}]" + TOOLS + "}";
		return this.parsing.content(post(second.getBytes(StandardCharsets.UTF_8)).block());
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

	/**
	 * How the floor finds the text of an answer or of a stream's {@code data:} line.
	 */
	enum Parsing {

		/** {@code indexOf}, without parsing or unescaping JSON. */
		INDEX_OF {

			@Override
			String content(String json) {
				return RawContender.content(json);
			}

			@Override
			String dataContent(String line) {
				return line.contains("\"content\":\"") ? RawContender.content(line) : "";
			}

		},

		/** Jackson's streaming parser, every token read to the end of the JSON. */
		JACKSON {

			@Override
			String content(String json) {
				String content = "";
				try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
					for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
						if (token == JsonToken.VALUE_STRING && content.isEmpty()
								&& "content".equals(parser.currentName())) {
							content = parser.getString();
						}
					}
				}
				return content;
			}

			@Override
			String dataContent(String line) {
				String data = line.substring(5).trim();
				return data.startsWith("{") ? content(data) : "";
			}

		};

		private static final JsonFactory JSON = new JsonFactory();

		/**
		 * Find the text of an answer.
		 * @param json the answer
		 * @return the first {@code content} string, or empty
		 */
		abstract String content(String json);

		/**
		 * Find the text of a stream's {@code data:} line.
		 * @param line the line, {@code data:} included
		 * @return the fragment's text, or empty for a line without one
		 */
		abstract String dataContent(String line);

	}

	/**
	 * Splits the stream into lines (carrying a partial line over to the next buffer) and
	 * takes the content of each {@code data:} line with {@code indexOf}, like
	 * {@link RawContender#content(String)}.
	 */
	private static final class FragmentReader implements java.util.function.Consumer<ByteBuf> {

		private final Parsing parsing;

		private final long @org.jspecify.annotations.Nullable [] firstChunkAt;

		private final StringBuilder partial = new StringBuilder();

		int fragments;

		FragmentReader(Parsing parsing, long @org.jspecify.annotations.Nullable [] firstChunkAt) {
			this.parsing = parsing;
			this.firstChunkAt = firstChunkAt;
		}

		@Override
		public void accept(ByteBuf buf) {
			String text = buf.toString(StandardCharsets.UTF_8);
			int start = 0;
			int newline;
			while ((newline = text.indexOf('\n', start)) >= 0) {
				String line;
				if (this.partial.length() > 0) {
					line = this.partial.append(text, start, newline).toString();
					this.partial.setLength(0);
				}
				else {
					line = text.substring(start, newline);
				}
				if (line.startsWith("data:") && !this.parsing.dataContent(line).isEmpty() && this.fragments++ == 0
						&& this.firstChunkAt != null) {
					this.firstChunkAt[0] = System.nanoTime();
				}
				start = newline + 1;
			}
			this.partial.append(text, start, text.length());
		}

	}

}
