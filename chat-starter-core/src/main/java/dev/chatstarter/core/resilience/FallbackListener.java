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

package dev.chatstarter.core.resilience;

import dev.chatstarter.core.error.ChatException;

/**
 * Told of every fallback from one provider to the next, e.g. to count them in metrics.
 */
@FunctionalInterface
public interface FallbackListener {

	/** A listener that does nothing. */
	FallbackListener NONE = (from, to, failure) -> {
	};

	/**
	 * Called before a request that failed on (or skipped) one provider is sent to the
	 * next one of its chain.
	 * @param fromProvider the provider that failed or was skipped
	 * @param toProvider the provider tried next
	 * @param failure why: the failure after the provider's own retries, or a
	 * {@link dev.chatstarter.core.error.ChatProviderUnavailableException} when it was
	 * cooling down or over a limit
	 */
	void onFallback(String fromProvider, String toProvider, ChatException failure);

}
