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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatQuotaException;
import dev.chatstarter.core.error.ChatRateLimitException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.state.SharedState;

/**
 * The keys of an {@link ApiKeyPool} and the state of each: which may serve, how many
 * requests each has in flight, and what happened to it. {@link #acquire()} picks the key
 * of a request; {@link #failed} cools or takes out the key a failure was its fault.
 * Thread-safe, without locks: every key's state is a few atomics.
 */
final class KeyPool {

	private static final Logger logger = LoggerFactory.getLogger(KeyPool.class);

	private static final String BEARER = "Bearer ";

	private final String provider;

	private final ApiKeyPool settings;

	private final InstantSource clock;

	private final PooledKey[] keys;

	private final AtomicInteger next = new AtomicInteger();

	/** How long a key taken out until restart stays out for the other replicas. */
	static final Duration SHARED_UNTIL_RESTART = Duration.ofHours(1);

	private volatile @Nullable SharedState sharedState;

	KeyPool(String provider, ApiKeyPool settings, InstantSource clock) {
		this.provider = provider;
		this.settings = settings;
		this.clock = clock;
		List<String> values = settings.keys();
		this.keys = new PooledKey[values.size()];
		String header = (settings.header() != null) ? settings.header() : "Authorization";
		for (int i = 0; i < this.keys.length; i++) {
			String value = (settings.header() != null) ? values.get(i) : BEARER + values.get(i);
			this.keys[i] = new PooledKey(i, fingerprint(values.get(i)), header, value);
		}
	}

	/**
	 * Share the state of the keys with the other replicas: a key cooled or taken out here
	 * is skipped by them (from their next refresh) until the same time, and the other way
	 * round. A key taken out until restart stays out for the others
	 * {@link #SHARED_UNTIL_RESTART}. Keys are named by their fingerprints only.
	 * @param state the shared state
	 */
	void share(SharedState state) {
		this.sharedState = state;
		for (PooledKey key : this.keys) {
			state.watch(mark(key, false),
					(until) -> key.coolingUntil = Math.max(key.coolingUntil, until.toEpochMilli()));
			state.watch(mark(key, true), (until) -> {
				if (until.toEpochMilli() > key.disabledUntil) {
					key.disabledReason = new ChatAuthenticationException(ErrorDetails.local(this.provider,
							"API key #" + key.index + " (" + key.fingerprint + ") was taken out by another replica"),
							null);
					key.disabledUntil = until.toEpochMilli();
				}
			});
		}
	}

	private String mark(PooledKey key, boolean disabled) {
		return "key:" + this.provider + ":" + key.fingerprint + (disabled ? ":disabled" : ":cooling");
	}

	private void publish(PooledKey key, boolean disabled, long until) {
		SharedState state = this.sharedState;
		if (state != null) {
			state.publish(mark(key, disabled), Instant.ofEpochMilli(until));
		}
	}

	/**
	 * The number of keys.
	 * @return the size of the pool
	 */
	int size() {
		return this.keys.length;
	}

	/**
	 * Pick the key of the next request, as the pool's selection says, among the keys that
	 * serve now, and count the request as in flight on it.
	 * @return the key; its {@link PooledKey#release()} must be called when the request
	 * ends
	 * @throws ChatException when no key serves: a {@link ChatRateLimitException} while
	 * some key is only cooling, else the reason the last key was taken out
	 */
	PooledKey acquire() {
		long now = this.clock.millis();
		PooledKey key = switch (this.settings.selection()) {
			case ROUND_ROBIN -> firstServingFrom(Math.floorMod(this.next.getAndIncrement(), this.keys.length), now);
			case LEAST_BUSY -> leastBusy(now);
			case RANDOM -> firstServingFrom(ThreadLocalRandom.current().nextInt(this.keys.length), now);
		};
		if (key == null) {
			throw noKeyServes(now);
		}
		key.inFlight.incrementAndGet();
		key.calls.incrementAndGet();
		return key;
	}

	/**
	 * Send an attempt again at once on another key of the pool when it failed on its key
	 * (a rate limit, a rejected or exhausted key), as long as another key serves: the
	 * other keys are tried before the call counts as failed.
	 * @param <T> the type of the value
	 * @param pool the provider's pool, or {@code null}
	 * @param attempt one attempt, which picks its key when subscribed
	 * @return the attempts
	 */
	static <T> Mono<T> onAnotherKey(@Nullable KeyPool pool, Mono<T> attempt) {
		return (pool != null && pool.size() > 1) ? attempt.retryWhen(pool.anotherKey(() -> true)) : attempt;
	}

	/**
	 * Send a stream's attempt again at once on another key, like
	 * {@link #onAnotherKey(KeyPool, Mono)}, while the stream may still be retried.
	 * @param <T> the type of the values
	 * @param pool the provider's pool, or {@code null}
	 * @param attempt one attempt, which picks its key when subscribed
	 * @param mayRetry whether the stream may be retried (no value was emitted yet)
	 * @return the attempts
	 */
	static <T> Flux<T> onAnotherKey(@Nullable KeyPool pool, Flux<T> attempt, BooleanSupplier mayRetry) {
		return (pool != null && pool.size() > 1) ? attempt.retryWhen(pool.anotherKey(mayRetry)) : attempt;
	}

	private Retry anotherKey(BooleanSupplier mayRetry) {
		return Retry.max(this.keys.length - 1)
			.filter((failure) -> mayRetry.getAsBoolean() && isKeyFailure(failure) && hasAvailableKey())
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * Whether a key serves now.
	 * @return {@code true} if the next {@link #acquire()} would find a key
	 */
	boolean hasAvailableKey() {
		long now = this.clock.millis();
		for (PooledKey key : this.keys) {
			if (key.serves(now)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Record that a request failed on a key, and cool or take out the key when the
	 * failure was the key's own ({@link #isKeyFailure}).
	 * @param key the key the request was sent with
	 * @param failure the failure
	 */
	void failed(PooledKey key, Throwable failure) {
		key.errors.incrementAndGet();
		if (!isKeyFailure(failure)) {
			return;
		}
		if (failure instanceof ChatQuotaException || failure instanceof ChatAuthenticationException) {
			disable(key, (ChatException) failure);
		}
		else if (failure instanceof ChatRateLimitException rateLimit) {
			Duration rest = (rateLimit.getRetryAfter() != null) ? rateLimit.getRetryAfter() : this.settings.coolDown();
			key.cooldowns.incrementAndGet();
			key.coolingUntil = this.clock.millis() + rest.toMillis();
			publish(key, false, key.coolingUntil);
			logger.debug("Provider '{}' cools API key #{} ({}) for {} ms after a rate limit", this.provider, key.index,
					key.fingerprint, rest.toMillis());
		}
	}

	/**
	 * Whether a failure is a key's own, so that another key may succeed: a rate limit, a
	 * rejected key or a key out of quota, as the provider answered them (not the local
	 * failure of a pool where no key serves).
	 * @param failure the failure
	 * @return {@code true} for a failure of the key
	 */
	static boolean isKeyFailure(Throwable failure) {
		return (failure instanceof ChatRateLimitException || failure instanceof ChatQuotaException
				|| failure instanceof ChatAuthenticationException)
				&& ((ChatException) failure).getDetails().status() != 0;
	}

	/**
	 * A snapshot of the pool, without key material.
	 * @return the state
	 */
	KeyPoolState state() {
		long now = this.clock.millis();
		List<KeyPoolState.Key> states = new ArrayList<>(this.keys.length);
		int available = 0;
		int cooling = 0;
		int disabled = 0;
		for (PooledKey key : this.keys) {
			KeyPoolState.Status status = key.status(now);
			Instant until = null;
			switch (status) {
				case AVAILABLE -> available++;
				case COOLING -> {
					cooling++;
					until = Instant.ofEpochMilli(key.coolingUntil);
				}
				case DISABLED -> {
					disabled++;
					until = (key.disabledUntil != Long.MAX_VALUE) ? Instant.ofEpochMilli(key.disabledUntil) : null;
				}
			}
			states.add(new KeyPoolState.Key(key.index, key.fingerprint, status, until, key.calls.get(),
					key.errors.get(), key.cooldowns.get()));
		}
		return new KeyPoolState(this.keys.length, available, cooling, disabled, states);
	}

	private void disable(PooledKey key, ChatException failure) {
		Duration disableFor = this.settings.disableFor();
		long until = (disableFor != null) ? this.clock.millis() + disableFor.toMillis() : Long.MAX_VALUE;
		key.cooldowns.incrementAndGet();
		key.disabledReason = failure;
		key.disabledUntil = until;
		publish(key, true, (disableFor != null) ? until : this.clock.millis() + SHARED_UNTIL_RESTART.toMillis());
		logger.warn("Provider '{}' took API key #{} (fingerprint {}) out of its pool {}: {}", this.provider, key.index,
				key.fingerprint, (disableFor != null) ? "for " + disableFor : "until restart", failure.getMessage());
	}

	private @Nullable PooledKey leastBusy(long now) {
		PooledKey best = null;
		for (PooledKey key : this.keys) {
			if (key.serves(now) && (best == null || key.inFlight.get() < best.inFlight.get())) {
				best = key;
			}
		}
		return best;
	}

	/**
	 * The first key that serves, looking from a position on and wrapping around.
	 * @param start the position to look from
	 * @param now the time, in epoch milliseconds
	 * @return the key, or {@code null} if none serves
	 */
	private @Nullable PooledKey firstServingFrom(int start, long now) {
		for (int i = 0; i < this.keys.length; i++) {
			PooledKey key = this.keys[(start + i) % this.keys.length];
			if (key.serves(now)) {
				return key;
			}
		}
		return null;
	}

	private ChatException noKeyServes(long now) {
		long soonest = Long.MAX_VALUE;
		int cooling = 0;
		ChatException reason = null;
		for (PooledKey key : this.keys) {
			if (key.status(now) == KeyPoolState.Status.COOLING) {
				cooling++;
				soonest = Math.min(soonest, key.coolingUntil);
			}
			else if (key.disabledReason != null) {
				reason = key.disabledReason;
			}
		}
		String message = "none of the " + this.keys.length + " API keys serves (" + cooling
				+ " cooling after a rate limit, " + (this.keys.length - cooling)
				+ " taken out); check the keys of chat.providers." + this.provider + ".api-keys";
		ErrorDetails details = ErrorDetails.local(this.provider, message);
		if (soonest != Long.MAX_VALUE) {
			return new ChatRateLimitException(details, Duration.ofMillis(Math.max(soonest - now, 0)), null);
		}
		return (reason instanceof ChatQuotaException) ? new ChatQuotaException(details, reason)
				: new ChatAuthenticationException(details, reason);
	}

	/**
	 * A short, non-reversible name of a key: the first eight hex digits of its SHA-256.
	 * @param key the key
	 * @return the fingerprint
	 */
	static String fingerprint(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * One key of the pool and its state.
	 */
	static final class PooledKey {

		private final int index;

		private final String fingerprint;

		private final String header;

		private final String value;

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicLong calls = new AtomicLong();

		private final AtomicLong errors = new AtomicLong();

		private final AtomicLong cooldowns = new AtomicLong();

		private volatile long coolingUntil;

		private volatile long disabledUntil;

		private volatile @Nullable ChatException disabledReason;

		private PooledKey(int index, String fingerprint, String header, String value) {
			this.index = index;
			this.fingerprint = fingerprint;
			this.header = header;
			this.value = value;
		}

		/**
		 * The header the key is sent in.
		 * @return the header's name
		 */
		String header() {
			return this.header;
		}

		/**
		 * The value of the header: the key, or {@code Bearer} and the key.
		 * @return the header's value
		 */
		String value() {
			return this.value;
		}

		/**
		 * End a request sent with this key.
		 */
		void release() {
			this.inFlight.decrementAndGet();
		}

		private boolean serves(long now) {
			return now >= this.coolingUntil && now >= this.disabledUntil;
		}

		private KeyPoolState.Status status(long now) {
			if (now < this.disabledUntil) {
				return KeyPoolState.Status.DISABLED;
			}
			return (now < this.coolingUntil) ? KeyPoolState.Status.COOLING : KeyPoolState.Status.AVAILABLE;
		}

		@Override
		public String toString() {
			return "PooledKey[#" + this.index + ", " + this.fingerprint + "]";
		}

	}

}
