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

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a provider's {@link ApiKeyPool}, for health and metrics. It holds no key
 * material: a key is named by its position in the pool and a short fingerprint (the first
 * eight hex digits of its SHA-256), which cannot be turned back into the key.
 *
 * @param total the number of keys
 * @param available the keys that may serve now
 * @param cooling the keys resting after a rate limit
 * @param disabled the keys taken out after the provider rejected them or reported them
 * out of quota
 * @param keys the state of each key, in pool order
 */
public record KeyPoolState(int total, int available, int cooling, int disabled, List<Key> keys) {

	public KeyPoolState {
		keys = List.copyOf(keys);
	}

	/**
	 * The state of one key.
	 *
	 * @param index the key's position in the pool, from 0
	 * @param fingerprint the first eight hex digits of the key's SHA-256
	 * @param status whether the key serves
	 * @param until when a cooling or disabled key comes back, or {@code null} when it
	 * serves or is out until restart
	 * @param calls the requests sent with this key
	 * @param errors the requests that failed with this key
	 * @param cooldowns how many times this key was cooled or taken out
	 */
	public record Key(int index, String fingerprint, Status status, @Nullable Instant until, long calls, long errors,
			long cooldowns) {

	}

	/**
	 * Whether a key serves.
	 */
	public enum Status {

		/** The key serves. */
		AVAILABLE,

		/** The key rests after a rate limit. */
		COOLING,

		/** The key is out: rejected by the provider or out of quota. */
		DISABLED

	}

}
