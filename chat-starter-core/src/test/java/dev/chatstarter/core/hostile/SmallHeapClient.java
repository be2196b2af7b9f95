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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.unit.DataSize;

import dev.chatstarter.core.ChatTemplate;

/**
 * The client side of {@link HostileStreamMemoryTests}, run in a JVM of its own with a
 * small heap: it reads each hostile stream it is given and prints one line per stream,
 * {@code RESULT <scenario> <outcome>}, where the outcome is the simple name of the
 * exception the stream ended with or {@code completed <characters>}. An
 * {@link OutOfMemoryError} ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}) before the
 * line is printed.
 */
public final class SmallHeapClient {

	private SmallHeapClient() {
	}

	/**
	 * Read the streams.
	 * @param args pairs of scenario and base URL: {@code content-response},
	 * {@code tool-arguments}, {@code content-unfolded}
	 */
	public static void main(String[] args) {
		System.out.println("HEAP " + Runtime.getRuntime().maxMemory());
		for (int i = 0; i + 1 < args.length; i += 2) {
			long start = System.nanoTime();
			String outcome = run(args[i], args[i + 1]);
			System.out
				.println("RESULT " + args[i] + " " + outcome + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
		}
		System.exit(0);
	}

	private static String run(String scenario, String baseUrl) {
		try (ChatTemplate template = HostileProvider.builder(baseUrl)
			.streamIdleTimeout(Duration.ofSeconds(10))
			.maxStreamSize(scenario.equals("content-unfolded") ? DataSize.ofGigabytes(1) : DataSize.ofMegabytes(16))
			.build()) {
			switch (scenario) {
				case "content-response" -> template.prompt("hi").stream().response().block(Duration.ofSeconds(60));
				case "tool-arguments" -> template.prompt("hi")
					.tools(HostileProvider.echoTool(new AtomicInteger()))
					.stream()
					.content()
					.blockLast(Duration.ofSeconds(60));
				case "content-unfolded" -> {
					AtomicLong characters = new AtomicLong();
					template.prompt("hi")
						.stream()
						.content()
						.doOnNext((text) -> characters.addAndGet(text.length()))
						.blockLast(Duration.ofSeconds(60));
					return "completed " + characters.get();
				}
				default -> throw new IllegalArgumentException(scenario);
			}
			return "completed";
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName() + " " + ex.getMessage();
		}
	}

}
