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

package dev.chatstarter.core.internal.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedLimits;
import dev.chatstarter.core.state.SharedStateStore;

/**
 * A {@link SharedStateStore} for tests of what the core does with one: it answers
 * admissions from a queue, or fails, or never answers, and records what it is told.
 */
public final class ScriptedStore implements SharedStateStore {

	final List<SharedAdmission> answers = new CopyOnWriteArrayList<>();

	final AtomicInteger admissions = new AtomicInteger();

	final List<String> released = new CopyOnWriteArrayList<>();

	final List<String> renewed = new CopyOnWriteArrayList<>();

	final Map<String, Instant> marks = new ConcurrentHashMap<>();

	final Map<String, BigDecimal> spends = new ConcurrentHashMap<>();

	volatile boolean failing;

	volatile boolean hanging;

	volatile boolean slowReleases;

	/**
	 * Queue the answer of the next admission.
	 * @param admission the answer
	 * @return this store
	 */
	public ScriptedStore answer(SharedAdmission admission) {
		this.answers.add(admission);
		return this;
	}

	/**
	 * Return how many admissions were asked for.
	 * @return the count
	 */
	public int admissionCount() {
		return this.admissions.get();
	}

	/**
	 * Return the releases, each as {@code scope/tokens}.
	 * @return the releases
	 */
	public List<String> releases() {
		return this.released;
	}

	/**
	 * Set a mark as another replica would.
	 * @param name the mark
	 * @param until when it ends
	 */
	public void setMark(String name, Instant until) {
		this.marks.put(name, until);
	}

	@Override
	public Mono<SharedAdmission> admit(SharedLimits limits, String leaseId) {
		this.admissions.incrementAndGet();
		return answer(() -> this.answers.remove(0));
	}

	@Override
	public Mono<Void> release(SharedLimits limits, Collection<String> leaseIds, long tokens) {
		Mono<Void> release = answer(() -> this.released.add(limits.scope() + "/" + tokens)).then();
		return this.slowReleases ? Mono.delay(Duration.ofMillis(60)).then(release) : release;
	}

	@Override
	public Mono<Void> renew(String scope, Collection<String> leaseIds, Duration leaseTime) {
		return answer(() -> {
			leaseIds.forEach((id) -> this.renewed.add(scope + "/" + id));
			return leaseIds.size();
		}).then();
	}

	@Override
	public Mono<Void> mark(String name, Instant until) {
		return answer(() -> this.marks.put(name, until)).then();
	}

	@Override
	public Mono<Map<String, Instant>> marks(Collection<String> names) {
		return answer(() -> Map.copyOf(this.marks));
	}

	@Override
	public Mono<BigDecimal> addSpend(String budget, BigDecimal amount, Instant expiresAt) {
		return answer(() -> this.spends.merge(budget, amount, BigDecimal::add));
	}

	@Override
	public Mono<Map<String, BigDecimal>> spends(Collection<String> budgets) {
		return answer(() -> Map.copyOf(this.spends));
	}

	@Override
	public Mono<Void> ping() {
		return answer(() -> "PONG").then();
	}

	private <T> Mono<T> answer(Supplier<T> value) {
		if (this.hanging) {
			return Mono.never();
		}
		return this.failing ? Mono.error(new IllegalStateException("store down")) : Mono.fromSupplier(value);
	}

}
