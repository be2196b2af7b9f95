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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.route.RouteState;

/**
 * The health of a route: {@code UP} while one of its deployments serves (its provider is
 * not cooling down and has a key left) and that provider's own indicator is {@code UP}
 * (or {@code UNKNOWN}, when it is not probed), else {@code DOWN}. The details name the
 * strategy and, per deployment, its provider, model, weight, its provider's status,
 * whether it serves, the calls in flight and its recent latency; no key material.
 */
final class ChatRouteHealthIndicator implements ReactiveHealthIndicator {

	private final ChatTemplate route;

	private final Map<String, ? extends ReactiveHealthIndicator> providers;

	/**
	 * Create an indicator.
	 * @param route the route's template
	 * @param providers the own indicators of the providers the route deploys, by name
	 */
	ChatRouteHealthIndicator(ChatTemplate route, Map<String, ? extends ReactiveHealthIndicator> providers) {
		this.route = route;
		this.providers = providers;
	}

	@Override
	public Mono<Health> health() {
		RouteState state = this.route.routeState();
		if (state == null) {
			return Mono.just(Health.unknown().withDetail("error", "not a route").build());
		}
		return Flux.fromIterable(this.providers.entrySet())
			.concatMap((provider) -> provider.getValue()
				.health()
				.map((health) -> Map.entry(provider.getKey(), health.getStatus())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.map((statuses) -> health(state, statuses, this.route.budgetState()));
	}

	private static Health health(RouteState state, Map<String, Status> providerStatuses, @Nullable BudgetState budget) {
		Map<String, Object> deployments = new LinkedHashMap<>();
		boolean anyUp = false;
		for (RouteState.DeploymentState deployment : state.deployments()) {
			Status status = providerStatuses.getOrDefault(deployment.provider(), Status.UNKNOWN);
			// a provider that is not probed (health.probe: none) is UNKNOWN: it counts by
			// whether it serves
			boolean up = deployment.serving() && (Status.UP.equals(status) || Status.UNKNOWN.equals(status));
			anyUp |= up;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("provider", deployment.provider());
			if (deployment.model() != null) {
				details.put("model", deployment.model());
			}
			details.put("weight", deployment.weight());
			details.put("status", up ? Status.UP.getCode() : Status.DOWN.getCode());
			details.put("providerStatus", status.getCode());
			details.put("serving", deployment.serving());
			details.put("inFlight", deployment.inFlight());
			if (deployment.latency() != null) {
				details.put("latencyMs", deployment.latency().toMillis());
			}
			if (deployment.firstChunkLatency() != null) {
				details.put("firstChunkLatencyMs", deployment.firstChunkLatency().toMillis());
			}
			deployments.put(deployment.name(), details);
		}
		boolean spent = budget != null && budget.remaining().signum() == 0;
		Health.Builder health = ((anyUp && !spent) ? Health.up() : Health.down())
			.withDetail("strategy", strategyName(state))
			.withDetail("deployments", deployments)
			.withDetail("providers", List.copyOf(providerStatuses.keySet()));
		if (budget != null) {
			health.withDetail("budget", BudgetDetails.of(budget));
		}
		if (spent) {
			health.withDetail("error", BudgetDetails.spent(budget));
		}
		return health.build();
	}

	private static String strategyName(RouteState state) {
		return state.strategy().name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
