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

package dev.chatstarter.core.route;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a route: its strategy and the state of each of its deployments. A route
 * is available while one of its deployments serves.
 *
 * @param route the route's name
 * @param strategy how the route picks deployments
 * @param deployments the deployments, in the order they were configured
 */
public record RouteState(String route, RouteStrategy strategy, List<DeploymentState> deployments) {

	/** The most deployments a route takes. */
	public static final int MAX_DEPLOYMENTS = Long.SIZE;

	public RouteState {
		deployments = List.copyOf(deployments);
	}

	/**
	 * Whether any deployment serves calls.
	 * @return {@code true} when one deployment is neither cooling down nor without keys
	 */
	public boolean isAvailable() {
		return this.deployments.stream().anyMatch(DeploymentState::serving);
	}

	/**
	 * The state of one deployment of a route.
	 *
	 * @param name the deployment's name ({@code provider/model} unless named)
	 * @param provider the provider it sends to
	 * @param model the model it asks for, or {@code null} for the provider's default
	 * @param weight its weight
	 * @param serving whether it takes calls: its provider is not cooling down and has an
	 * API key left
	 * @param inFlight the calls and streams it is answering now
	 * @param calls the calls and streams sent to it so far
	 * @param failures the calls and streams that failed on it so far
	 * @param latency the recent latency of its calls, or {@code null} before the first
	 * answer
	 * @param firstChunkLatency the recent time to the first chunk of its streams, or
	 * {@code null} before the first stream
	 * @param headroom the share of its rate limits left, from {@code 0} to {@code 1}
	 */
	public record DeploymentState(String name, String provider, @Nullable String model, int weight, boolean serving,
			int inFlight, long calls, long failures, @Nullable Duration latency, @Nullable Duration firstChunkLatency,
			double headroom) {

	}

}
