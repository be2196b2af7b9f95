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

package dev.chatstarter.core.http;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Several API keys of one provider, used in turn. Each key has its own state: a rate
 * limit ({@code 429}) cools that key for the provider's {@code Retry-After}, or
 * {@link #coolDown()} when it sends none, while the other keys go on serving; a key the
 * provider rejects ({@code 401}/{@code 403}) or reports out of quota is taken out for
 * {@link #disableFor()}, or until the application restarts. A request that fails on a key
 * for one of these reasons is sent again at once on another key, before the provider is
 * considered failed. Keys are stripped of surrounding whitespace; they are left out of
 * {@link #toString()}.
 *
 * @param keys the keys, at least one, none blank, no duplicates
 * @param selection how the key of the next request is picked
 * @param header the header each key is sent in, as it is (such as {@code api-key}), or
 * {@code null} to send it as a bearer token in {@code Authorization}
 * @param coolDown how long a rate-limited key rests when the provider does not say
 * @param disableFor how long a rejected or exhausted key stays out, or {@code null} until
 * the application restarts
 */
public record ApiKeyPool(List<String> keys, KeySelection selection, @Nullable String header, Duration coolDown,
		@Nullable Duration disableFor) {

	/** The default of {@link #coolDown()}: 10 seconds. */
	public static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(10);

	public ApiKeyPool {
		Assert.notNull(keys, "keys must not be null");
		Assert.isTrue(!keys.isEmpty(), "a key pool needs at least one key");
		keys = keys.stream().map(ApiKeyPool::stripped).toList();
		Assert.isTrue(keys.stream().distinct().count() == keys.size(), "the keys of a pool must differ");
		Assert.notNull(selection, "selection must not be null");
		Assert.isTrue(header == null || !header.isBlank(), "header must not be blank");
		Assert.isTrue(coolDown != null && !coolDown.isNegative(), "coolDown must not be negative");
		Assert.isTrue(disableFor == null || (!disableFor.isNegative() && !disableFor.isZero()),
				"disableFor must be positive");
	}

	/**
	 * Create a round-robin pool that sends its keys as bearer tokens, cools a
	 * rate-limited key for {@link #DEFAULT_COOL_DOWN} and takes a rejected key out until
	 * restart.
	 * @param keys the keys
	 * @return the pool
	 */
	public static ApiKeyPool of(List<String> keys) {
		return new ApiKeyPool(keys, KeySelection.ROUND_ROBIN, null, DEFAULT_COOL_DOWN, null);
	}

	/**
	 * Return a copy with another selection.
	 * @param selection how the key of the next request is picked
	 * @return the copy
	 */
	public ApiKeyPool withSelection(KeySelection selection) {
		return new ApiKeyPool(this.keys, selection, this.header, this.coolDown, this.disableFor);
	}

	private static String stripped(@Nullable String key) {
		Assert.isTrue(key != null && !key.isBlank(), "the keys of a pool must not be blank");
		return key.strip();
	}

	@Override
	public String toString() {
		return "ApiKeyPool[keys=" + this.keys.size() + ", selection=" + this.selection + ", header="
				+ ((this.header != null) ? this.header : "Authorization") + ", coolDown=" + this.coolDown
				+ ", disableFor=" + ((this.disableFor != null) ? this.disableFor : "until restart") + "]";
	}

}
