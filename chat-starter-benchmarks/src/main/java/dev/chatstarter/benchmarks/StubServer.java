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
import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A fast OpenAI-compatible stub on loopback: every answer is serialized once, up front.
 * It is run in its own JVM ({@code --stub}), so its CPU is never counted as the client's.
 *
 * <p>
 * A request whose body contains {@code "stream":true} gets an SSE stream; the number of
 * chunks and the delay between them come from the {@code x-chunks} and {@code x-delay-ms}
 * query parameters of the base URL's path ({@code /c500/d0/v1/chat/completions}), so
 * every client reaches every shape through its base URL. A request with {@code "tools"}
 * and no {@code "role":"tool"} message gets a tool call; a request with a tool message
 * gets the answer if it carries the tool's result ({@link #TOOL_RESULT}), and a 400 error
 * if it does not.
 */
final class StubServer {

	static final String MODEL = "bench-model";

	private static final int ANSWER_WORDS = 40;

	/** The text of every non-streamed answer (40 words). */
	static final String ANSWER = answerText();

	/**
	 * What {@code get_weather("Paris")} returns: the second request of a tool round trip
	 * must carry it.
	 */
	static final String TOOL_RESULT = WeatherTools.weather("Paris");

	private static final byte[] MISSING_TOOL_RESULT = ("{\"error\":{\"message\":\"The tool message does not carry "
			+ "the result of get_weather(Paris)\",\"type\":\"invalid_request_error\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] answer;

	private final byte[] toolCall;

	private StubServer() {
		this.answer = completion("\"content\":\"" + ANSWER + "\"", "stop");
		this.toolCall = completion(
				"\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
						+ "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]",
				"tool_calls");
	}

	private static String answerText() {
		StringBuilder content = new StringBuilder();
		for (int i = 0; i < ANSWER_WORDS; i++) {
			content.append("word").append(i).append(' ');
		}
		return content.toString().trim();
	}

	private static byte[] completion(String message, String finishReason) {
		return ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + MODEL
				+ "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"," + message
				+ "},\"finish_reason\":\"" + finishReason + "\"}],"
				+ "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":40,\"total_tokens\":50}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] chunk(int i, boolean last) {
		String delta = (i == 0) ? "{\"role\":\"assistant\",\"content\":\"tok0 \"}" : "{\"content\":\"tok" + i + " \"}";
		String tail = last ? "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
				+ (i + 1) + ",\"total_tokens\":" + (i + 11) + "}}" : "\"finish_reason\":null}]}";
		return ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
				+ MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + "," + tail + "\n\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final java.util.concurrent.ConcurrentHashMap<Integer, byte[][]> streams = new java.util.concurrent.ConcurrentHashMap<>();

	private byte[][] stream(int chunks) {
		return this.streams.computeIfAbsent(chunks, (n) -> {
			byte[][] parts = new byte[n + 1][];
			for (int i = 0; i < n; i++) {
				parts[i] = chunk(i, i == n - 1);
			}
			parts[n] = DONE;
			return parts;
		});
	}

	private static byte[] concat(byte[][] parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private final java.util.concurrent.ConcurrentHashMap<Integer, byte[]> wholeStreams = new java.util.concurrent.ConcurrentHashMap<>();

	DisposableServer start(int port) {
		return HttpServer.create().host("127.0.0.1").port(port).handle((request, response) -> {
			String[] path = request.path().split("/");
			int chunks = 500;
			long delayMs = 0;
			for (String segment : path) {
				if (segment.length() > 1 && segment.charAt(0) == 'c' && Character.isDigit(segment.charAt(1))) {
					chunks = Integer.parseInt(segment.substring(1));
				}
				else if (segment.length() > 1 && segment.charAt(0) == 'd' && Character.isDigit(segment.charAt(1))) {
					delayMs = Long.parseLong(segment.substring(1));
				}
			}
			int chunkCount = chunks;
			long delay = delayMs;
			return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
				if (isStream(body)) {
					response.header("Content-Type", "text/event-stream");
					byte[][] parts = stream(chunkCount);
					if (delay == 0) {
						byte[] all = this.wholeStreams.computeIfAbsent(chunkCount, (n) -> concat(parts));
						return response.send(Mono.just(Unpooled.wrappedBuffer(all))).then();
					}
					Flux<ByteBuf> flux = Flux.concat(Mono.just(parts[0]),
							Flux.interval(Duration.ofMillis(delay)).take(chunkCount).map((i) -> parts[(int) (i + 1)]))
						.map(Unpooled::wrappedBuffer);
					return response.send(flux, (b) -> true).then();
				}
				byte[] bytes = answerTo(body);
				if (bytes == MISSING_TOOL_RESULT) {
					response.status(400);
				}
				return response.header("Content-Type", "application/json")
					.header("Content-Length", Integer.toString(bytes.length))
					.send(Mono.just(Unpooled.wrappedBuffer(bytes)))
					.then();
			});
		}).bindNow();
	}

	/**
	 * The answer to a non-streamed request: a tool call, the answer, or
	 * {@link #MISSING_TOOL_RESULT}.
	 * @param body the JSON of the request
	 * @return the JSON the stub answers with
	 */
	private byte[] answerTo(String body) {
		if (body.contains("\"tool\"")) {
			return body.contains(TOOL_RESULT) ? this.answer : MISSING_TOOL_RESULT;
		}
		return body.contains("\"tools\"") ? this.toolCall : this.answer;
	}

	private static boolean isStream(String body) {
		int at = body.indexOf("\"stream\"");
		if (at < 0) {
			return false;
		}
		for (int i = at + 8; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != ':' && c != ' ') {
				return c == 't';
			}
		}
		return false;
	}

	/**
	 * Run the stub until the process is killed; prints {@code PORT <n>} once listening.
	 * @param port the port, 0 for any
	 */
	static void run(int port) throws InterruptedException {
		DisposableServer server = new StubServer().start(port);
		System.out.println("PORT " + server.port());
		System.out.flush();
		server.onDispose().block();
	}

}
