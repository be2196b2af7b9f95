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

package dev.chatstarter.core.state;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Whether the store answers: every operation goes through {@link #guard}, which bounds it
 * by the time-out and records its outcome. A WARN when the store stops answering, once
 * per outage, and an INFO when it answers again. Thread-safe.
 */
final class StoreAvailability {

	private static final Logger logger = LoggerFactory.getLogger(SharedState.class);

	private static final int MAX_FAILURE_TEXT = 200;

	private final SharedStateSettings settings;

	private final Scheduler scheduler;

	private final AtomicBoolean available = new AtomicBoolean(true);

	private volatile @Nullable Instant unavailableSince;

	private volatile @Nullable String lastFailure;

	StoreAvailability(SharedStateSettings settings, Scheduler scheduler) {
		this.settings = settings;
		this.scheduler = scheduler;
	}

	boolean isAvailable() {
		return this.available.get();
	}

	@Nullable Instant unavailableSince() {
		return this.unavailableSince;
	}

	@Nullable String lastFailure() {
		return this.lastFailure;
	}

	/**
	 * Bound an operation by the time-out and record whether the store answered.
	 * @param <T> the type of the operation's value
	 * @param operation the operation
	 * @return the operation, failing with a {@link SharedStateUnavailableException}
	 */
	<T> Mono<T> guard(Mono<T> operation) {
		return operation.timeout(this.settings.timeout(), this.scheduler)
			.doOnSuccess((value) -> answered())
			.onErrorMap((failure) -> !(failure instanceof SharedStateUnavailableException), (failure) -> {
				failed(failure);
				return new SharedStateUnavailableException("the shared state store failed: " + describe(failure),
						failure);
			});
	}

	/**
	 * Return the failure of an operation not even tried while the store is known not to
	 * answer.
	 * @return the failure
	 */
	SharedStateUnavailableException unavailable() {
		return new SharedStateUnavailableException(
				"the shared state store has not answered since " + this.unavailableSince, null);
	}

	private void answered() {
		if (this.available.compareAndSet(false, true)) {
			logger.info("The shared state store answers again (unavailable since {}); shared limits resume",
					this.unavailableSince);
			this.unavailableSince = null;
		}
	}

	private void failed(Throwable failure) {
		this.lastFailure = describe(failure);
		if (this.available.compareAndSet(true, false)) {
			this.unavailableSince = Instant.ofEpochMilli(this.scheduler.now(TimeUnit.MILLISECONDS));
			logger.warn("The shared state store does not answer ({}); {} until it does", this.lastFailure,
					(this.settings.whenUnavailable() == SharedStateSettings.FailureMode.FAIL_OPEN)
							? "calls go on under each replica's local limits"
							: "calls under shared limits are refused (fail-closed)");
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getClass().getSimpleName()
				+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		return (message.length() > MAX_FAILURE_TEXT) ? message.substring(0, MAX_FAILURE_TEXT) + "…" : message;
	}

}
