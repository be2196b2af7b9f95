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

package dev.chatstarter.core.state;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What a {@link SharedStateStore} answered when asked to admit one call.
 *
 * @param granted whether the call may go ahead; it then holds a lease to return
 * @param leaseId the call's lease (its concurrency permit and its entry in the rate), to
 * return when the call ends
 * @param limit the limit that refused the call, such as {@code requests-per-minute 60};
 * empty when granted
 * @param retryAfter how long until a refused call may find room in the rate, or
 * {@code null} when that is not known (a concurrency limit)
 * @param headroom the share left of the tightest limit, from {@code 0} to {@code 1}
 */
public record SharedAdmission(boolean granted, String leaseId, String limit, @Nullable Duration retryAfter,
		double headroom) {

	public SharedAdmission {
		Assert.notNull(leaseId, "leaseId must not be null");
		Assert.notNull(limit, "limit must not be null");
	}

	/**
	 * Create a granted admission.
	 * @param leaseId the lease
	 * @param headroom the share left of the tightest limit
	 * @return the admission
	 */
	public static SharedAdmission granted(String leaseId, double headroom) {
		return new SharedAdmission(true, leaseId, "", null, headroom);
	}

	/**
	 * Create a refused admission.
	 * @param leaseId the lease that was asked for
	 * @param limit the limit that refused the call
	 * @param retryAfter how long until the rate may have room, or {@code null}
	 * @return the admission
	 */
	public static SharedAdmission refused(String leaseId, String limit, @Nullable Duration retryAfter) {
		return new SharedAdmission(false, leaseId, limit, retryAfter, 0);
	}

}
