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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.fault.RawHttpServer;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

/**
 * What the hostile provider of these tests sends, written to a {@link RawHttpServer}:
 * streams generated lazily (a 200 MB stream is one pre-encoded event written again and
 * again, never held), keep-alives, trickled bodies.
 */
final class HostileProvider {

	/**
	 * Every hostile behaviour must end within this bound; a hang would exceed it by far.
	 */
	static final Duration BOUND = Duration.ofSeconds(15);

	static final String ANSWER = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"gpt-4o-mini",
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}]}""";

	private HostileProvider() {
	}

	static ChatTemplate.Builder builder(String baseUrl) {
		return ChatTemplate.builder()
			.provider("hostile")
			.baseUrl(baseUrl)
			.apiKey("sk-test-hostile-0123456789")
			.defaultOptions((options) -> options.model("gpt-4o-mini"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(5))
			.streamIdleTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.none());
	}

	static String contentEvent(String content) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
				+ "\"},\"finish_reason\":null}]}\n\n";
	}

	static String toolCallStart() {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
				+ "\"echo\",\"arguments\":\"{\\\"text\\\":\\\"\"}}]},\"finish_reason\":null}]}\n\n";
	}

	static String toolArgumentEvent(String fragment) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
				+ "\"function\":{\"arguments\":\"" + fragment + "\"}}]},\"finish_reason\":null}]}\n\n";
	}

	static String finish(String reason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason
				+ "\"}]}\n\ndata: [DONE]\n\n";
	}

	/**
	 * A stream of content events of about {@code eventBytes} each, {@code totalBytes} in
	 * all, then a finish.
	 * @param totalBytes the total of the content, or {@code Long.MAX_VALUE} for an
	 * endless stream
	 * @param eventBytes the content of one event
	 * @return the script
	 */
	static RawHttpServer.Script contentStream(long totalBytes, int eventBytes) {
		return (out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			byte[] event = chunk(contentEvent("a".repeat(eventBytes)));
			repeat(out, event, totalBytes / eventBytes);
			RawHttpServer.chunk(out, finish("stop"));
			end(out);
		};
	}

	/**
	 * A stream of one tool call whose arguments come in fragments of
	 * {@code fragmentBytes}, {@code totalBytes} in all.
	 * @param totalBytes the total of the arguments
	 * @param fragmentBytes the arguments of one event
	 * @return the script
	 */
	static RawHttpServer.Script toolArgumentStream(long totalBytes, int fragmentBytes) {
		return (out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, toolCallStart());
			byte[] event = chunk(toolArgumentEvent("a".repeat(fragmentBytes)));
			repeat(out, event, totalBytes / fragmentBytes);
			RawHttpServer.chunk(out, toolArgumentEvent("\\\"}"));
			RawHttpServer.chunk(out, finish("tool_calls"));
			end(out);
		};
	}

	/**
	 * Events at a steady pace: {@code count} content events {@code interval} apart, then
	 * a finish.
	 * @param count the number of events, or {@code Integer.MAX_VALUE} for an endless
	 * stream
	 * @param interval the pause between two events
	 * @param sent counts the events sent
	 * @return the script
	 */
	static RawHttpServer.Script pacedStream(int count, Duration interval, AtomicInteger sent) {
		return (out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			for (int i = 0; i < count; i++) {
				RawHttpServer.chunk(out, contentEvent("t" + i));
				sent.incrementAndGet();
				Thread.sleep(interval.toMillis());
			}
			RawHttpServer.chunk(out, finish("stop"));
			end(out);
		};
	}

	static void end(OutputStream out) throws IOException {
		out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * A tool that echoes its arguments and counts its runs.
	 * @param runs counts the runs
	 * @return the tool
	 */
	static ToolCallback echoTool(AtomicInteger runs) {
		ToolDefinition definition = ToolDefinition.of("echo", "Echoes a text",
				Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))));
		return new ToolCallback() {

			@Override
			public ToolDefinition definition() {
				return definition;
			}

			@Override
			public Mono<String> call(String argumentsJson, ToolContext context) {
				runs.incrementAndGet();
				return Mono.just("{\"length\":" + argumentsJson.length() + "}");
			}

		};
	}

	private static byte[] chunk(String data) {
		byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
		byte[] head = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] chunk = new byte[head.length + bytes.length + 2];
		System.arraycopy(head, 0, chunk, 0, head.length);
		System.arraycopy(bytes, 0, chunk, head.length, bytes.length);
		chunk[chunk.length - 2] = '\r';
		chunk[chunk.length - 1] = '\n';
		return chunk;
	}

	private static void repeat(OutputStream out, byte[] chunk, long times) throws IOException {
		for (long i = 0; i < times; i++) {
			out.write(chunk);
		}
		out.flush();
	}

}
