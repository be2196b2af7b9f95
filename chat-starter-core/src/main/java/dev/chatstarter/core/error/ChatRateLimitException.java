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

package dev.chatstarter.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider is rate limiting (HTTP 429 or an equivalent in-body error). Retried,
 * waiting as long as the provider's {@code Retry-After} says (up to a cap).
 */
public class ChatRateLimitException extends ChatException {

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param retryAfter how long the provider asked to wait, if it said
	 * @param cause the underlying cause, if any
	 */
	public ChatRateLimitException(ErrorDetails details, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super("rate limited", details, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long the provider asked to wait before trying again.
	 * @return the wait from {@code Retry-After} or {@code retry-after-ms}, or
	 * {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
