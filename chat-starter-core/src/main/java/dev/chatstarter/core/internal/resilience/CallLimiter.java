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

package dev.chatstarter.core.internal.resilience;

import reactor.core.publisher.Mono;

/**
 * The client-side limits of one provider, as the guard asks them: a permit per call.
 * {@link ProviderLimiter} counts for this replica alone; a shared limiter counts for all
 * replicas through a store.
 */
public interface CallLimiter {

	/**
	 * Whether any limit is set; without one, calls need not ask.
	 * @return {@code true} when calls must ask for a permit
	 */
	boolean isLimited();

	/**
	 * Ask for a permit to send one call; it must be released when the call ends, however
	 * it ends.
	 * @return the permit, a
	 * {@link dev.chatstarter.core.error.ChatLimitExceededException}, or (when queueing) a
	 * permit later
	 */
	Mono<? extends Permit> acquire();

	/**
	 * Return the share left of the tightest limit.
	 * @return a share from {@code 0} to {@code 1}; {@code 1} without limits
	 */
	double headroom();

	/**
	 * The right to send one call.
	 */
	interface Permit {

		/**
		 * Record the tokens the call used, for the tokens-per-minute limit.
		 * @param count the tokens
		 */
		void recordTokens(long count);

		/**
		 * Release the permit; later calls do nothing.
		 */
		void release();

	}

}
