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

package dev.chatstarter.core.internal.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.route.RouteStrategy;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Sends each call to one deployment of a route, picked by the route's strategy among
 * those that serve, and moves a failed call on to another deployment not tried yet (a
 * stream only before its first chunk). When every deployment has failed, the last failure
 * is the call's; when none serves, the call fails with
 * {@link ChatProviderUnavailableException}, so that the route's own fallback answers.
 */
public final class RouteExchange implements ChatExchange {

	/** The deployments tried are kept in the bits of a long. */
	private static final int MAX_DEPLOYMENTS = RouteState.MAX_DEPLOYMENTS;

	private final String route;

	private final RouteStrategy strategy;

	private final List<Deployment> deployments;

	private final DeploymentSelector selector;

	private final ChatOptions routeDefaults;

	private final Set<FallbackTrigger> failoverOn;

	private final FallbackListener listener;

	/**
	 * Create the stage of a route.
	 * @param route the route's name
	 * @param strategy how the first deployment of a call is picked
	 * @param deployments the deployments, at least one, each name once
	 * @param routeDefaults the route's default options, which calls are merged with
	 * @param failoverOn the failures that move a call to another deployment (besides a
	 * deployment that cools down or has no key left)
	 * @param listener told of every move to another deployment
	 */
	public RouteExchange(String route, RouteStrategy strategy, List<Deployment> deployments, ChatOptions routeDefaults,
			Set<FallbackTrigger> failoverOn, FallbackListener listener) {
		Assert.notEmpty(deployments, () -> "route '" + route + "' needs at least one deployment");
		Assert.isTrue(deployments.size() <= MAX_DEPLOYMENTS,
				() -> "route '" + route + "' has more than " + MAX_DEPLOYMENTS + " deployments");
		this.route = route;
		this.strategy = strategy;
		this.deployments = List.copyOf(deployments);
		this.selector = DeploymentSelector.of(strategy);
		this.routeDefaults = routeDefaults;
		this.failoverOn = Set.copyOf(failoverOn);
		this.listener = listener;
	}

	@Override
	public String provider() {
		return this.route;
	}

	/**
	 * Return a snapshot of the route.
	 * @return the state of the route and its deployments
	 */
	public RouteState state() {
		List<RouteState.DeploymentState> states = new ArrayList<>(this.deployments.size());
		for (Deployment deployment : this.deployments) {
			states.add(deployment.state());
		}
		return new RouteState(this.route, this.strategy, states);
	}

	/**
	 * Whether any deployment serves calls.
	 * @return {@code true} when one does
	 */
	public boolean isServing() {
		for (Deployment deployment : this.deployments) {
			if (deployment.isServing()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono.defer(() -> {
			Deployment first = select(0L, false);
			return (first != null) ? call(first, request, 0L) : Mono.error(this::noneServes);
		});
	}

	private Mono<ChatResponse> call(Deployment deployment, ChatRequest request, long tried) {
		long triedNow = tried | bit(deployment);
		return deployment.call(request, this.routeDefaults)
			.onErrorResume(this::failsOver, (failure) -> Mono.defer(() -> {
				Deployment next = select(triedNow, false);
				if (next == null) {
					return Mono.error(failure);
				}
				notifyFailover(deployment, next, failure);
				return call(next, request, triedNow);
			}));
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> {
			Deployment first = select(0L, true);
			return (first != null) ? stream(first, request, 0L) : Flux.error(this::noneServes);
		});
	}

	private Flux<ChatChunk> stream(Deployment deployment, ChatRequest request, long tried) {
		long triedNow = tried | bit(deployment);
		AtomicBoolean started = new AtomicBoolean();
		return deployment.stream(request, this.routeDefaults)
			.doOnNext((chunk) -> started.lazySet(true))
			.onErrorResume((failure) -> !started.get() && failsOver(failure), (failure) -> Flux.defer(() -> {
				Deployment next = select(triedNow, true);
				if (next == null) {
					return Flux.error(failure);
				}
				notifyFailover(deployment, next, failure);
				return stream(next, request, triedNow);
			}));
	}

	private @Nullable Deployment select(long tried, boolean stream) {
		if (tried == 0 && allServe()) {
			return this.selector.select(this.deployments, stream);
		}
		List<Deployment> candidates = new ArrayList<>(this.deployments.size());
		for (int i = 0; i < this.deployments.size(); i++) {
			Deployment deployment = this.deployments.get(i);
			if ((tried & (1L << i)) == 0 && deployment.isServing()) {
				candidates.add(deployment);
			}
		}
		return candidates.isEmpty() ? null : this.selector.select(candidates, stream);
	}

	private boolean allServe() {
		for (Deployment deployment : this.deployments) {
			if (!deployment.isServing()) {
				return false;
			}
		}
		return true;
	}

	private long bit(Deployment deployment) {
		return 1L << this.deployments.indexOf(deployment);
	}

	private boolean failsOver(Throwable failure) {
		if (!(failure instanceof ChatException chatFailure)) {
			return false;
		}
		if (failure instanceof ChatProviderUnavailableException) {
			return true;
		}
		for (FallbackTrigger trigger : this.failoverOn) {
			if (trigger.matches(chatFailure)) {
				return true;
			}
		}
		return false;
	}

	private void notifyFailover(Deployment from, Deployment to, Throwable failure) {
		this.listener.onFallback(from.name(), to.name(), (ChatException) failure);
	}

	private ChatProviderUnavailableException noneServes() {
		StringBuilder message = new StringBuilder("no deployment of route '").append(this.route)
			.append("' serves now: ");
		for (int i = 0; i < this.deployments.size(); i++) {
			message.append((i > 0) ? ", " : "").append(this.deployments.get(i).name());
		}
		message.append(" all cool down after failures or have no API key left");
		return new ChatProviderUnavailableException(ErrorDetails.local(this.route, message.toString()), null);
	}

}
