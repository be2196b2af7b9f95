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

package dev.chatstarter.autoconfigure.health;

import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The health of a provider that has fallbacks: its own health while it is {@code UP} (or
 * {@code UNKNOWN}); when it is {@code DOWN} (cooling down, or its probe failed) but a
 * provider of its fallback chain is {@code UP}, it is reported {@code UP} with its own
 * state in the details ({@code providerStatus: DOWN}, {@code degraded: true},
 * {@code answeredBy: <fallback>}, and its {@code error} and {@code cooldown}), since its
 * calls are answered; it is {@code DOWN} only when the whole chain is. A fallback counts
 * as healthy only when its own indicator is {@code UP}.
 */
final class ChatFallbackHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveHealthIndicator own;

	private final Map<String, ? extends ReactiveHealthIndicator> chain;

	/**
	 * Create an indicator.
	 * @param own the provider's own indicator
	 * @param chain the providers' own indicators of its fallback chain, in the order
	 * calls try them
	 */
	ChatFallbackHealthIndicator(ReactiveHealthIndicator own, Map<String, ? extends ReactiveHealthIndicator> chain) {
		Assert.notEmpty(chain, "chain must not be empty");
		this.own = own;
		this.chain = chain;
	}

	@Override
	public Mono<Health> health() {
		return this.own.health().flatMap((health) -> {
			if (!Status.DOWN.equals(health.getStatus())) {
				return Mono.just(withFallbacks(Health.status(health.getStatus()), health).build());
			}
			return firstHealthyFallback()
				.map((fallback) -> withFallbacks(Health.up(), health)
					.withDetail("providerStatus", Status.DOWN.getCode())
					.withDetail("degraded", true)
					.withDetail("answeredBy", fallback)
					.build())
				.defaultIfEmpty(withFallbacks(Health.down(), health).build());
		});
	}

	private Health.Builder withFallbacks(Health.Builder builder, Health own) {
		return builder.withDetails(own.getDetails()).withDetail("fallback", List.copyOf(this.chain.keySet()));
	}

	/**
	 * The name of the first provider of the chain that is UP, if any.
	 * @return the name of the first fallback that is UP, or empty when none is
	 */
	private Mono<String> firstHealthyFallback() {
		return Flux.fromIterable(this.chain.entrySet())
			.concatMap((fallback) -> fallback.getValue()
				.health()
				.filter((health) -> Status.UP.equals(health.getStatus()))
				.map((health) -> fallback.getKey()))
			.next();
	}

}
