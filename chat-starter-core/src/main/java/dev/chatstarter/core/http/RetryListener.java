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

import dev.chatstarter.core.error.ChatException;

/**
 * Told of every retry a provider client makes, e.g. to count them in metrics.
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (provider, failure) -> {
	};

	/**
	 * Called before a failed attempt is retried.
	 * @param provider the provider name
	 * @param failure the failure that is retried
	 */
	void onRetry(String provider, ChatException failure);

}
