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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.util.Assert;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one client of a {@link SharedStateStore} that every template of an application
 * uses: it bounds each operation by {@link SharedStateSettings#timeout()}, knows whether
 * the store answers (a WARN once per outage, an INFO when it is back), renews the leases
 * of this replica's calls in flight and reads, every
 * {@link SharedStateSettings#refreshInterval()}, the marks other replicas set. While the
 * store does not answer, {@link #admit} fails at once, without waiting for a time-out,
 * until a refresh finds it again. Thread-safe; {@link #close()} stops the refreshes.
 */
public final class SharedState implements AutoCloseable {

	private final SharedStateStore store;

	private final SharedStateSettings settings;

	private final Scheduler scheduler = Schedulers.parallel();

	private final StoreAvailability availability;

	private final HeldLeases leases;

	private final LongAdder localDecisions = new LongAdder();

	private final Map<String, List<Consumer<Instant>>> watchers = new ConcurrentHashMap<>();

	private final List<SpendWatch> spendWatches = new CopyOnWriteArrayList<>();

	private final Disposable refreshes;

	private SharedState(SharedStateStore store, SharedStateSettings settings) {
		this.store = store;
		this.settings = settings;
		this.availability = new StoreAvailability(settings, this.scheduler);
		this.leases = new HeldLeases(store, this.availability, this.scheduler.now(TimeUnit.MILLISECONDS));
		this.refreshes = Flux.interval(settings.refreshInterval(), this.scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> refresh(), 1)
			.subscribe();
	}

	/**
	 * Create the client of a store and start its refreshes.
	 * @param store the store
	 * @param settings how to use it
	 * @return the client
	 */
	public static SharedState of(SharedStateStore store, SharedStateSettings settings) {
		Assert.notNull(store, "store must not be null");
		Assert.notNull(settings, "settings must not be null");
		return new SharedState(store, settings);
	}

	/**
	 * Return how the store is used.
	 * @return the settings
	 */
	public SharedStateSettings settings() {
		return this.settings;
	}

	/**
	 * Whether the store answered its last operation.
	 * @return {@code true} while it answers
	 */
	public boolean isAvailable() {
		return this.availability.isAvailable();
	}

	/**
	 * Return a snapshot of the client's state.
	 * @return the status
	 */
	public SharedStateStatus status() {
		return new SharedStateStatus(isAvailable(), this.availability.unavailableSince(),
				this.availability.lastFailure(), this.localDecisions.sum(), this.leases.count());
	}

	/**
	 * Admit one call under shared limits, or refuse it. An admitted call holds a lease,
	 * renewed while it is in flight, that it must {@linkplain #release return}. Lease
	 * names are random but not secret: they come from {@link ThreadLocalRandom}, which
	 * never blocks (a {@code SecureRandom} may, on an event loop).
	 * @param limits the limits
	 * @return the admission, or a {@link SharedStateUnavailableException} when the store
	 * does not answer (at once while it is known not to)
	 */
	public Mono<SharedAdmission> admit(SharedLimits limits) {
		if (!isAvailable()) {
			return Mono.error(this.availability::unavailable);
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String leaseId = new UUID(random.nextLong(), random.nextLong()).toString();
		return this.availability.guard(this.store.admit(limits, leaseId)).doOnNext((admission) -> {
			if (admission.granted() && limits.maxConcurrentRequests() > 0) {
				this.leases.hold(limits.scope(), admission.leaseId());
			}
		});
	}

	/**
	 * Return the lease of an admitted call and count its tokens, without waiting for the
	 * store; a lease that cannot be returned expires after its lease time. At most one
	 * batch of releases is under way at a time: the releases that come meanwhile go
	 * together in the next, one command per scope, so that under load a call costs little
	 * more than its admission.
	 * @param limits the limits the call was admitted under
	 * @param admission its admission
	 * @param tokens the tokens it used, {@code 0} when not known
	 */
	public void release(SharedLimits limits, SharedAdmission admission, long tokens) {
		this.leases.release(limits, admission.leaseId(), tokens);
	}

	/**
	 * Count a call decided by local limits because the store did not answer.
	 */
	public void recordLocalDecision() {
		this.localDecisions.increment();
	}

	/**
	 * Set a mark for the other replicas, without waiting for the store.
	 * @param name the mark, such as a provider's cooldown
	 * @param until when it ends
	 */
	public void publish(String name, Instant until) {
		this.availability.guard(this.store.mark(name, until)).subscribe(null, (failure) -> {
		});
	}

	/**
	 * Be told of a mark that another replica set, at each refresh while it is set.
	 * @param name the mark
	 * @param listener told when the mark ends
	 */
	public void watch(String name, Consumer<Instant> listener) {
		this.watchers.computeIfAbsent(name, (key) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Add to the spend of a budget for all replicas.
	 * @param budget the name of the budget and its period
	 * @param amount the amount
	 * @param expiresAt when the spend may be forgotten
	 * @return the spend of all replicas after the addition, or a
	 * {@link SharedStateUnavailableException}
	 */
	public Mono<BigDecimal> addSpend(String budget, BigDecimal amount, Instant expiresAt) {
		return this.availability.guard(this.store.addSpend(budget, amount, expiresAt));
	}

	/**
	 * Be told of the spend of a budget, at each refresh.
	 * @param budget the name of the budget in its current period, asked at each refresh
	 * @param listener told of the budget's name and its spend
	 */
	public void watchSpend(Supplier<String> budget, BiConsumer<String, BigDecimal> listener) {
		this.spendWatches.add(new SpendWatch(budget, listener));
	}

	/**
	 * Stop the refreshes. Leases still held expire in the store.
	 */
	@Override
	public void close() {
		this.refreshes.dispose();
	}

	/**
	 * Renew the leases when a third of the lease time has passed, read the marks (or
	 * check the store answers when there are none), and record the outcome.
	 * @return completes when done, never with an error
	 */
	private Mono<Void> refresh() {
		Mono<Void> renewals = this.leases.renewIfDue(this.scheduler.now(TimeUnit.MILLISECONDS), this.settings);
		Mono<Void> marks = this.watchers.isEmpty() ? this.store.ping()
				: this.store.marks(List.copyOf(this.watchers.keySet())).doOnNext(this::deliver).then();
		return this.availability.guard(Mono.when(renewals, marks, spends())).onErrorResume((failure) -> Mono.empty());
	}

	private Mono<Void> spends() {
		if (this.spendWatches.isEmpty()) {
			return Mono.empty();
		}
		List<SpendWatch> watches = List.copyOf(this.spendWatches);
		List<String> budgets = watches.stream().map((watch) -> watch.budget().get()).toList();
		return this.store.spends(budgets).doOnNext((spends) -> {
			for (int i = 0; i < watches.size(); i++) {
				BigDecimal spend = spends.get(budgets.get(i));
				watches.get(i).listener().accept(budgets.get(i), (spend != null) ? spend : BigDecimal.ZERO);
			}
		}).then();
	}

	private void deliver(Map<String, Instant> marks) {
		Instant now = Instant.ofEpochMilli(this.scheduler.now(TimeUnit.MILLISECONDS));
		marks.forEach((name, until) -> {
			List<Consumer<Instant>> listeners = this.watchers.get(name);
			if (listeners != null && until.isAfter(now)) {
				listeners.forEach((listener) -> listener.accept(until));
			}
		});
	}

	@Override
	public String toString() {
		return "SharedState[store=" + this.store + ", available=" + isAvailable() + ", settings=" + this.settings + "]";
	}

	private record SpendWatch(Supplier<String> budget, BiConsumer<String, BigDecimal> listener) {

	}

}
