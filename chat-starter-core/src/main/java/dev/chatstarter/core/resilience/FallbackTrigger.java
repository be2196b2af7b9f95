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

import dev.chatstarter.core.error.ChatAuthenticationException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatQuotaException;

/**
 * The failures that send a request on to the next provider of a fallback chain. Bad
 * requests, content filters and malformed answers never do: another provider would most
 * likely fail the same way.
 */
public enum FallbackTrigger {

	/**
	 * A {@linkplain ChatException#isRetryable() retryable} failure that outlived the
	 * provider's own retries: 408, 409, 429, 5xx, timeouts, broken connections, a
	 * provider cooling down or over a client-side limit.
	 */
	RETRYABLE,

	/**
	 * An authentication or permission failure (401, 403): a revoked or wrong key.
	 */
	AUTHENTICATION,

	/**
	 * An exhausted quota, credit or balance.
	 */
	QUOTA;

	/**
	 * Whether a failure is of this kind.
	 * @param failure the failure
	 * @return {@code true} if it is
	 */
	public boolean matches(ChatException failure) {
		switch (this) {
			case AUTHENTICATION:
				return failure instanceof ChatAuthenticationException;
			case QUOTA:
				return failure instanceof ChatQuotaException;
			default:
				return failure.isRetryable();
		}
	}

}
