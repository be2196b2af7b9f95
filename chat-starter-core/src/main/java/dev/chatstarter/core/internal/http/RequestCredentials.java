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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.CallOverrides;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.error.SecretRedactor;

/**
 * What one attempt sends beyond its template's fixed headers: the key the pool picked for
 * it, or the call's own overrides (a tenant's key, headers, a response timeout), and the
 * error mapper that also redacts the call's secrets. Created when the attempt is
 * subscribed; one per attempt.
 */
final class RequestCredentials {

	private static final String CALL_OVERRIDES = RequestCredentials.class.getName() + ".callOverrides";

	private static final String AUTHORIZATION = "Authorization";

	private final CallOverrides overrides;

	private final Duration responseTimeout;

	private final ChatErrorMapper errorMapper;

	private final @Nullable String keyHeader;

	private final @Nullable KeyPool pool;

	private final KeyPool.@Nullable PooledKey key;

	private final AtomicBoolean inFlight;

	private RequestCredentials(CallOverrides overrides, Duration responseTimeout, ChatErrorMapper errorMapper,
			@Nullable String keyHeader, @Nullable KeyPool pool, KeyPool.@Nullable PooledKey key) {
		this.overrides = overrides;
		this.responseTimeout = responseTimeout;
		this.errorMapper = errorMapper;
		this.keyHeader = keyHeader;
		this.pool = pool;
		this.key = key;
		this.inFlight = new AtomicBoolean(key != null);
	}

	/**
	 * Return a function that makes the requests of one call to a provider send what the
	 * call overrides. Only the requests to that provider do: a fallback to another
	 * provider sends its own key and none of the call's headers.
	 * @param provider the provider the overrides are for
	 * @param overrides the call's overrides
	 * @return the function that adds them to a Reactor context
	 */
	static Function<Context, Context> withOverrides(String provider, CallOverrides overrides) {
		ScopedOverrides scoped = new ScopedOverrides(provider, overrides);
		return (context) -> context.put(CALL_OVERRIDES, scoped);
	}

	/**
	 * Decide what an attempt sends: the call's own key when it has one, else a key of the
	 * pool, which counts the attempt as in flight on it until {@link #track} sees its
	 * end.
	 * @param context the context of the attempt's subscriber
	 * @param provider the provider the attempt goes to
	 * @param settings the provider's settings
	 * @param errorMapper the provider's error mapper
	 * @param pool the provider's key pool, or {@code null}
	 * @return the credentials of the attempt
	 * @throws dev.chatstarter.core.error.ChatException when no key of the pool serves
	 */
	static RequestCredentials of(ContextView context, String provider, HttpSettings settings,
			ChatErrorMapper errorMapper, @Nullable KeyPool pool) {
		ScopedOverrides scoped = context.getOrDefault(CALL_OVERRIDES, null);
		CallOverrides overrides = (scoped != null && scoped.provider().equals(provider)) ? scoped.overrides()
				: CallOverrides.none();
		ApiKeyPool poolSettings = settings.keyPool();
		String keyHeader = (poolSettings != null) ? poolSettings.header() : null;
		if (overrides.isEmpty()) {
			KeyPool.PooledKey key = (pool != null) ? pool.acquire() : null;
			return new RequestCredentials(overrides, settings.responseTimeout(), errorMapper, keyHeader, pool, key);
		}
		HttpHeaders callHeaders = new HttpHeaders();
		overrides.headers().forEach(callHeaders::set);
		SecretRedactor callSecrets = SecretRedactor
			.forCredentials((overrides.apiKey() != null) ? List.of(overrides.apiKey()) : List.of(), callHeaders);
		Duration responseTimeout = (overrides.responseTimeout() != null) ? overrides.responseTimeout()
				: settings.responseTimeout();
		KeyPool.PooledKey key = (pool != null && overrides.apiKey() == null) ? pool.acquire() : null;
		return new RequestCredentials(overrides, responseTimeout, errorMapper.and(callSecrets), keyHeader, pool, key);
	}

	/**
	 * The longest wait for the first byte of the answer.
	 * @return the call's own response timeout, or the template's
	 */
	Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * The mapper of this attempt's failures.
	 * @return the provider's mapper, which also redacts the call's own secrets
	 */
	ChatErrorMapper errorMapper() {
		return this.errorMapper;
	}

	/**
	 * The headers of the request beyond the template's.
	 * @param propagated the headers every request of the call carries (the trace context)
	 * @return those, the call's own headers, and the pool's key or the call's own key
	 */
	Map<String, String> headers(Map<String, String> propagated) {
		String apiKey = this.overrides.apiKey();
		if (this.key == null && this.overrides.isEmpty()) {
			return propagated;
		}
		Map<String, String> all = new LinkedHashMap<>(propagated);
		all.putAll(this.overrides.headers());
		if (this.key != null) {
			all.put(this.key.header(), this.key.value());
		}
		else if (apiKey != null) {
			all.put((this.keyHeader != null) ? this.keyHeader : AUTHORIZATION,
					(this.keyHeader != null) ? apiKey : "Bearer " + apiKey);
		}
		return all;
	}

	/**
	 * Release the pool's key as the answer ends: before its end reaches the caller, so
	 * that the caller's next request sees the key idle.
	 * @param answer the answer of the request
	 * @return the answer
	 */
	Flux<DataBuffer> track(Flux<DataBuffer> answer) {
		return (this.key != null) ? answer.doOnTerminate(this::release).doOnCancel(this::release) : answer;
	}

	/**
	 * Tell the pool that the attempt failed, so that it cools or takes out the key when
	 * the failure was the key's own.
	 * @param failure the failure of the attempt, whatever stage raised it
	 */
	void failed(Throwable failure) {
		if (this.pool != null && this.key != null) {
			this.pool.failed(this.key, failure);
		}
	}

	private void release() {
		if (this.key != null && this.inFlight.compareAndSet(true, false)) {
			this.key.release();
		}
	}

	/**
	 * The overrides of one call, for the requests to one provider.
	 *
	 * @param provider the provider
	 * @param overrides what the call overrides
	 */
	private record ScopedOverrides(String provider, CallOverrides overrides) {

	}

}
