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

package dev.chatstarter.core.internal.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.util.Assert;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.error.ErrorDetails;

/**
 * The overall deadline of one call ({@code call-timeout}, or a call's own timeout):
 * counted from the subscription, it spans every retry, fallback and tool round and the
 * whole of a stream. When it passes, the call is cancelled, which closes its connection,
 * and fails with a {@link ChatTimeoutException}. A call costs one timer on the shared
 * wheel of the body timeouts, none per chunk.
 */
public final class CallDeadline {

	private static final int ACTIVE = 0;

	private static final int ENDED = 1;

	private static final int PASSED = 2;

	private final String provider;

	private final Duration timeout;

	private final boolean perCall;

	private final BodyTimeouts.TimeoutTimer timer;

	private CallDeadline(String provider, Duration timeout, boolean perCall, BodyTimeouts.TimeoutTimer timer) {
		Assert.hasText(provider, "provider must not be empty");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		this.provider = provider;
		this.timeout = timeout;
		this.perCall = perCall;
		this.timer = timer;
	}

	/**
	 * Return the deadline of a template's calls, configured by {@code call-timeout}.
	 * @param provider the provider name
	 * @param timeout the timeout
	 * @return the deadline
	 */
	public static CallDeadline configured(String provider, Duration timeout) {
		return new CallDeadline(provider, timeout, false, BodyTimeouts.WheelTimer.INSTANCE);
	}

	/**
	 * Return the deadline one call set for itself, which overrides the configured one.
	 * @param provider the provider name
	 * @param timeout the timeout
	 * @return the deadline
	 */
	public static CallDeadline perCall(String provider, Duration timeout) {
		return new CallDeadline(provider, timeout, true, BodyTimeouts.WheelTimer.INSTANCE);
	}

	/**
	 * Return the timeout.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Bound a call by the deadline.
	 * @param call the call
	 * @param <T> the type of its value
	 * @return the call, failing with a {@link ChatTimeoutException} when the deadline
	 * passes
	 */
	public <T> Mono<T> apply(Mono<T> call) {
		return call.timeout(expiry(), Mono.error(this::exception));
	}

	/**
	 * Bound a stream by the deadline.
	 * @param stream the stream
	 * @param <T> the type of its values
	 * @return the stream, failing with a {@link ChatTimeoutException} when the deadline
	 * passes before it ends
	 */
	public <T> Flux<T> apply(Flux<T> stream) {
		return Flux.defer(() -> {
			AtomicInteger state = new AtomicInteger(ACTIVE);
			return stream.doOnTerminate(() -> state.compareAndSet(ACTIVE, ENDED))
				.takeUntilOther(expiry().filter((now) -> state.compareAndSet(ACTIVE, PASSED)))
				.concatWith(Mono.defer(() -> (state.get() == PASSED) ? Mono.error(this::exception) : Mono.empty()));
		});
	}

	private Mono<Long> expiry() {
		return Mono.create((sink) -> {
			Disposable scheduled = this.timer.schedule(() -> this.timer.signal(() -> sink.success(0L)),
					this.timeout.toNanos());
			sink.onDispose(scheduled);
		});
	}

	private ChatTimeoutException exception() {
		String message = "the call did not end within " + this.timeout.toMillis() + " ms " + (this.perCall
				? "(the timeout set on the call with PromptSpec.timeout)"
				: "(call-timeout); raise chat.providers." + this.provider + ".call-timeout if calls may take longer");
		return new ChatTimeoutException(ErrorDetails.local(this.provider, message), null);
	}

}
