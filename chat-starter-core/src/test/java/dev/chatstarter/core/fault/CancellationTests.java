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

package dev.chatstarter.core.fault;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.resilience.ProviderLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the caller cancels, the upstream request is cancelled and its connection closed:
 * the server sees the client close the connection, and the template's connection pool has
 * no connection acquired afterwards. Servers here never finish their answers, so only the
 * cancellation can end them.
 */
class CancellationTests {

	/**
	 * A template whose timeouts are far longer than the waits of these tests, so only a
	 * cancellation can close the connection in time.
	 */
	private ChatTemplate patient(RawHttpServer server) {
		return transport(FaultSupport.builder(server.baseUrl())
			.responseTimeout(Duration.ofMinutes(5))
			.streamIdleTimeout(Duration.ofMinutes(5))
			.connectionProvider(this.pool.provider())).build();
	}

	/**
	 * Choose how the template sends; subclasses run the same tests through a
	 * {@code WebClient}.
	 * @param builder the template builder
	 * @return the builder
	 */
	ChatTemplate.Builder transport(ChatTemplate.Builder builder) {
		return builder;
	}

	@RegisterExtension
	final MeteredPool pool = new MeteredPool("cancellation-tests");

	@Test
	void cancellingAStreamClosesTheConnection() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
			RawHttpServer.head(out, "text/event-stream", true);
			RawHttpServer.chunk(out, FaultSupport.chunk("Hi"));
		})) {
			ChatTemplate template = patient(server);
			StepVerifier.create(template.prompt("hi").stream().content().take(1))
				.expectNext("Hi")
				.expectComplete()
				.verify(FaultSupport.BOUND);
			assertThat(server.awaitClientClosed(5)).as("server saw the connection closed").isTrue();
		}
	}

	@Test
	void disposingACallBeforeTheAnswerClosesTheConnection() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
		})) {
			ChatTemplate template = patient(server);
			Disposable call = template.prompt("hi").call().responseMono().subscribe();
			assertThat(server.requestReceived.await(10, TimeUnit.SECONDS)).isTrue();
			call.dispose();
			assertThat(server.awaitClientClosed(5)).as("server saw the connection closed").isTrue();
		}
	}

	@Test
	void disposingAStreamBeforeTheFirstChunkClosesTheConnection() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> RawHttpServer.head(out, "text/event-stream", true))) {
			ChatTemplate template = patient(server);
			Disposable stream = template.prompt("hi").stream().content().subscribe();
			assertThat(server.requestReceived.await(10, TimeUnit.SECONDS)).isTrue();
			stream.dispose();
			assertThat(server.awaitClientClosed(5)).as("server saw the connection closed").isTrue();
		}
	}

	@Test
	void interruptingABlockingCallClosesTheConnection() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
		})) {
			ChatTemplate template = patient(server);
			AtomicReference<Throwable> failure = new AtomicReference<>();
			AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
			Thread caller = new Thread(() -> {
				try {
					template.prompt("hi").call().content();
				}
				catch (Throwable ex) {
					failure.set(ex);
					stillInterrupted.set(Thread.currentThread().isInterrupted());
				}
			});
			caller.start();
			assertThat(server.requestReceived.await(10, TimeUnit.SECONDS)).isTrue();
			caller.interrupt();
			caller.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(caller.isAlive()).isFalse();
			assertThat(failure.get()).hasRootCauseInstanceOf(InterruptedException.class);
			assertThat(stillInterrupted.get()).as("the interrupt flag is kept").isTrue();
			assertThat(server.awaitClientClosed(5)).as("server saw the connection closed").isTrue();
		}
	}

	@Test
	void cancelledCallReleasesItsConcurrencyPermit() throws Exception {
		try (RawHttpServer server = new RawHttpServer((out) -> {
		})) {
			ChatTemplate template = patient(server).mutate()
				.limits(new ProviderLimits(1, 0, 0, ProviderLimits.Mode.FAIL, Duration.ZERO))
				.build();
			Disposable first = template.prompt("hi").call().responseMono().subscribe();
			assertThat(server.requestReceived.await(10, TimeUnit.SECONDS)).isTrue();
			StepVerifier.create(template.prompt("hi").call().responseMono())
				.expectError(ChatLimitExceededException.class)
				.verify(FaultSupport.BOUND);
			first.dispose();
			assertThat(server.awaitClientClosed(5)).isTrue();
			Disposable third = template.prompt("hi").call().responseMono().subscribe();
			try {
				assertThat(server.awaitRequests(2, 10)).as("the third call was sent").isTrue();
			}
			finally {
				third.dispose();
			}
		}
	}

}
