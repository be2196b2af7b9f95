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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The concurrency leases this replica holds in the store: renewed while their calls are
 * in flight, returned when they end. Releases go in batches: at most one release command
 * is under way at a time, and the releases that come meanwhile go together in the next,
 * one command per scope, so that under load a call costs little more than its admission.
 * Thread-safe.
 */
final class HeldLeases {

	/** The most leases one release command returns. */
	private static final int MAX_RELEASE_BATCH = 256;

	private final SharedStateStore store;

	private final StoreAvailability availability;

	private final Map<String, Set<String>> held = new ConcurrentHashMap<>();

	private final Queue<Release> releases = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean releasing = new AtomicBoolean();

	private final AtomicLong lastRenewal;

	HeldLeases(SharedStateStore store, StoreAvailability availability, long now) {
		this.store = store;
		this.availability = availability;
		this.lastRenewal = new AtomicLong(now);
	}

	/**
	 * Hold the lease of an admitted call.
	 * @param scope its scope
	 * @param leaseId its lease
	 */
	void hold(String scope, String leaseId) {
		this.held.computeIfAbsent(scope, (key) -> ConcurrentHashMap.newKeySet()).add(leaseId);
	}

	/**
	 * Return the lease of a call that ended, with the tokens it used, without waiting for
	 * the store.
	 * @param limits the limits it was admitted under
	 * @param leaseId its lease
	 * @param tokens the tokens it used
	 */
	void release(SharedLimits limits, String leaseId, long tokens) {
		Set<String> scope = this.held.get(limits.scope());
		if (scope != null) {
			scope.remove(leaseId);
		}
		this.releases.add(new Release(limits, leaseId, tokens));
		sendReleases();
	}

	/**
	 * Return the number of leases held.
	 * @return the count
	 */
	int count() {
		int count = 0;
		for (Set<String> scope : this.held.values()) {
			count += scope.size();
		}
		return count;
	}

	/**
	 * Renew the leases held, when a third of the lease time has passed since the last
	 * renewal.
	 * @param now the time, in scheduler milliseconds
	 * @param settings the lease time
	 * @return completes when renewed
	 */
	Mono<Void> renewIfDue(long now, SharedStateSettings settings) {
		long last = this.lastRenewal.get();
		if (now - last < settings.leaseTime().toMillis() / 3 || !this.lastRenewal.compareAndSet(last, now)) {
			return Mono.empty();
		}
		return Flux.fromIterable(this.held.entrySet())
			.filter((scope) -> !scope.getValue().isEmpty())
			.flatMap((scope) -> this.store.renew(scope.getKey(), List.copyOf(scope.getValue()), settings.leaseTime()))
			.then();
	}

	/**
	 * Send the queued releases unless a batch is under way; when it ends, it sends what
	 * queued up meanwhile. A lease that cannot be returned expires after its lease time.
	 */
	private void sendReleases() {
		if (!this.releasing.compareAndSet(false, true)) {
			return;
		}
		Map<SharedLimits, ReleaseBatch> batches = new LinkedHashMap<>();
		Release next;
		for (int count = 0; count < MAX_RELEASE_BATCH && (next = this.releases.poll()) != null; count++) {
			batches.computeIfAbsent(next.limits(), (limits) -> new ReleaseBatch()).add(next);
		}
		Flux.fromIterable(batches.entrySet())
			.flatMap((batch) -> this.availability
				.guard(this.store.release(batch.getKey(), batch.getValue().leaseIds, batch.getValue().tokens))
				.onErrorResume((failure) -> Mono.empty()))
			.doFinally((signal) -> {
				this.releasing.set(false);
				if (!this.releases.isEmpty()) {
					sendReleases();
				}
			})
			.subscribe();
	}

	private record Release(SharedLimits limits, String leaseId, long tokens) {

	}

	/**
	 * The releases of one scope that go in one command.
	 */
	private static final class ReleaseBatch {

		private final List<String> leaseIds = new ArrayList<>();

		private long tokens;

		void add(Release release) {
			this.leaseIds.add(release.leaseId());
			this.tokens += release.tokens();
		}

	}

}
