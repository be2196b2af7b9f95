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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * A store of the state that the replicas of an application share: the SPI behind
 * {@link SharedState}. Every method answers without blocking the calling thread and in
 * one round trip to the store; {@link SharedState} applies the time-out and decides what
 * a failure means. An implementation must be safe for concurrent use.
 */
public interface SharedStateStore {

	/**
	 * Admit one call under shared limits, or refuse it, counting it when admitted: its
	 * entry in the requests of the sliding minute and its concurrency lease, which lives
	 * for {@link SharedLimits#leaseTime()} unless renewed.
	 * @param limits the limits
	 * @param leaseId a new, unique name of the call's lease
	 * @return the admission
	 */
	Mono<SharedAdmission> admit(SharedLimits limits, String leaseId);

	/**
	 * End admitted calls: return their leases and count the tokens they used.
	 * @param limits the limits they were admitted under
	 * @param leaseIds their leases, at least one
	 * @param tokens the tokens they used together, {@code 0} when not known
	 * @return completes when recorded
	 */
	Mono<Void> release(SharedLimits limits, Collection<String> leaseIds, long tokens);

	/**
	 * Extend the leases of calls still in flight by the lease time, leaving alone those
	 * already returned or expired.
	 * @param scope the scope of the leases
	 * @param leaseIds the leases
	 * @param leaseTime how long they live from now
	 * @return completes when renewed
	 */
	Mono<Void> renew(String scope, Collection<String> leaseIds, Duration leaseTime);

	/**
	 * Set a mark that lives until a time: a provider cooling down, a key taken out.
	 * @param name the name of the mark
	 * @param until when it ends; a time not after now clears the mark
	 * @return completes when set
	 */
	Mono<Void> mark(String name, Instant until);

	/**
	 * Read marks.
	 * @param names the names of the marks
	 * @return the marks that are set, by name, with when each ends
	 */
	Mono<Map<String, Instant>> marks(Collection<String> names);

	/**
	 * Add to the spend of a budget in one period, atomically.
	 * @param budget the name of the budget and its period, such as
	 * {@code provider:aigc:2026-12}
	 * @param amount the amount to add
	 * @param expiresAt when the spend may be forgotten (after its period ended)
	 * @return the spend after the addition, all replicas' together
	 */
	Mono<BigDecimal> addSpend(String budget, BigDecimal amount, Instant expiresAt);

	/**
	 * Read the spend of budgets.
	 * @param budgets the names of the budgets and their periods
	 * @return the spend of each budget that has any, by name
	 */
	Mono<Map<String, BigDecimal>> spends(Collection<String> budgets);

	/**
	 * Check that the store answers.
	 * @return completes when it does
	 */
	Mono<Void> ping();

}
