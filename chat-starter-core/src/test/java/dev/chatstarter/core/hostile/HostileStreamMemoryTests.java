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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.chatstarter.core.error.ChatResponseTooLargeException;
import dev.chatstarter.core.fault.RawHttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C7: a stream's total is limited, not only each event. The hostile streams (200 MB of
 * content, 30 MB of tool-call arguments) are read by a client JVM started with
 * {@code -Xmx160m}, so the proof does not depend on this JVM's heap: each must end in a
 * {@link ChatResponseTooLargeException}, not an {@link OutOfMemoryError}, and close its
 * connection. A third stream of 200 MB read with {@code stream().content()} and the limit
 * raised to 1 GB completes in that heap, which shows that chunks nobody asked to fold are
 * not folded. The provider side writes one pre-encoded 64 KB event again and again and
 * never holds the stream.
 */
class HostileStreamMemoryTests {

	private static final long MB = 1024 * 1024;

	private static final int EVENT_BYTES = 64 * 1024;

	@TempDir
	Path temp;

	private Path output;

	@BeforeEach
	void outputFile() {
		this.output = this.temp.resolve("client.out");
	}

	@Test
	void oversizedStreamsEndInATypedErrorInASmallHeap() throws Exception {
		try (RawHttpServer content = new RawHttpServer(HostileProvider.contentStream(200 * MB, EVENT_BYTES));
				RawHttpServer arguments = new RawHttpServer(HostileProvider.toolArgumentStream(30 * MB, EVENT_BYTES));
				RawHttpServer unfolded = new RawHttpServer(HostileProvider.contentStream(200 * MB, EVENT_BYTES))) {
			Process client = new ProcessBuilder(javaCommand(), "-Xmx160m", "-XX:+ExitOnOutOfMemoryError", "-cp",
					System.getProperty("java.class.path"), SmallHeapClient.class.getName(), "tool-arguments",
					arguments.baseUrl(), "content-unfolded", unfolded.baseUrl(), "content-response", content.baseUrl())
				.redirectErrorStream(true)
				.redirectOutput(this.output.toFile())
				.start();
			String output;
			try {
				boolean ended = client.waitFor(90, TimeUnit.SECONDS);
				output = Files.readString(this.output);
				assertThat(ended).as("the client ended in time; its output: %s", output).isTrue();
				System.out.println(output);
			}
			finally {
				client.destroyForcibly();
			}
			assertThat(client.exitValue()).as("the client's exit code (3: OutOfMemoryError); output: %s", output)
				.isZero();
			assertThat(output).contains("HEAP " + heapLine(output))
				.contains("RESULT content-response ChatResponseTooLargeException")
				.contains("RESULT tool-arguments ChatResponseTooLargeException")
				.contains("RESULT content-unfolded completed " + (200 * MB));
			assertThat(content.awaitClientClosed(5)).as("the content stream's connection was closed").isTrue();
			assertThat(arguments.awaitClientClosed(5)).as("the argument stream's connection was closed").isTrue();
		}
	}

	private static String heapLine(String output) {
		long heap = output.lines()
			.filter((line) -> line.startsWith("HEAP "))
			.mapToLong((line) -> Long.parseLong(line.substring(5).trim()))
			.findFirst()
			.orElse(-1);
		assertThat(heap).as("the client's heap").isBetween(1L, 160 * MB);
		return Long.toString(heap);
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
