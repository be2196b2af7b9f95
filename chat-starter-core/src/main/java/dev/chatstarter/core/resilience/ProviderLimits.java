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

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Client-side limits of one provider, checked before a request is sent. {@code 0} turns a
 * limit off.
 *
 * @param maxConcurrentRequests the most requests in flight at once (a stream is in flight
 * until it ends)
 * @param requestsPerMinute the most requests started within any 60 seconds
 * @param tokensPerMinute the most tokens (as the provider's {@code usage} reports them)
 * used within any 60 seconds; a call is refused while the last minute's usage is at or
 * over the limit
 * @param whenExceeded whether a call over a limit fails at once or waits for room
 * @param maxWait how long a call may wait for room with {@link Mode#QUEUE}; a call that
 * would wait longer fails
 */
public record ProviderLimits(int maxConcurrentRequests, int requestsPerMinute, long tokensPerMinute, Mode whenExceeded,
		Duration maxWait) {

	private static final ProviderLimits NONE = new ProviderLimits(0, 0, 0, Mode.FAIL, Duration.ZERO);

	public ProviderLimits {
		Assert.isTrue(maxConcurrentRequests >= 0, "maxConcurrentRequests must not be negative");
		Assert.isTrue(requestsPerMinute >= 0, "requestsPerMinute must not be negative");
		Assert.isTrue(tokensPerMinute >= 0, "tokensPerMinute must not be negative");
		Assert.notNull(whenExceeded, "whenExceeded must not be null");
		Assert.isTrue(maxWait != null && !maxWait.isNegative(), "maxWait must not be negative");
	}

	/**
	 * No limits.
	 * @return the limits that never refuse a call
	 */
	public static ProviderLimits none() {
		return NONE;
	}

	/**
	 * Whether any limit is set.
	 * @return {@code true} if a call may be refused or delayed
	 */
	public boolean isLimited() {
		return this.maxConcurrentRequests > 0 || this.requestsPerMinute > 0 || this.tokensPerMinute > 0;
	}

	/**
	 * What happens to a call over a limit.
	 */
	public enum Mode {

		/**
		 * Fail at once with a
		 * {@link dev.chatstarter.core.error.ChatLimitExceededException}.
		 */
		FAIL,

		/** Wait for room, up to {@code maxWait}, then fail. */
		QUEUE

	}

}
