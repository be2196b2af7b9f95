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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.route.RouteStrategy;

/**
 * Picks the deployment a call goes to among those that serve and were not tried yet: one
 * implementation per {@link RouteStrategy}.
 */
abstract class DeploymentSelector {

	/** Headrooms closer than this are equal. */
	private static final double SAME_HEADROOM = 0.001;

	/**
	 * One call in this many goes by weight, so that a slow deployment is measured again.
	 */
	private static final int EXPLORE_ONE_IN = 20;

	/**
	 * Return the selector of a strategy.
	 * @param strategy the strategy
	 * @return a new selector, with its own state
	 */
	static DeploymentSelector of(RouteStrategy strategy) {
		return switch (strategy) {
			case WEIGHTED -> new Weighted();
			case ROUND_ROBIN -> new RoundRobin();
			case LEAST_BUSY -> new LeastBusy();
			case LOWEST_LATENCY -> new LowestLatency();
			case MOST_HEADROOM -> new MostHeadroom();
		};
	}

	/**
	 * Pick a deployment.
	 * @param candidates the deployments that serve and were not tried yet; not empty
	 * @param stream whether the call is a stream
	 * @return the deployment
	 */
	abstract Deployment select(List<Deployment> candidates, boolean stream);

	/**
	 * Pick at random, in proportion to the weights.
	 * @param candidates the deployments; not empty
	 * @return the deployment
	 */
	static Deployment byWeight(List<Deployment> candidates) {
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		int total = 0;
		for (Deployment candidate : candidates) {
			total += candidate.weight();
		}
		int point = ThreadLocalRandom.current().nextInt(total);
		for (Deployment candidate : candidates) {
			point -= candidate.weight();
			if (point < 0) {
				return candidate;
			}
		}
		return candidates.get(candidates.size() - 1);
	}

	private static final class Weighted extends DeploymentSelector {

		@Override
		Deployment select(List<Deployment> candidates, boolean stream) {
			return byWeight(candidates);
		}

	}

	private static final class RoundRobin extends DeploymentSelector {

		private final AtomicInteger next = new AtomicInteger();

		@Override
		Deployment select(List<Deployment> candidates, boolean stream) {
			return candidates.get(Math.floorMod(this.next.getAndIncrement(), candidates.size()));
		}

	}

	private static final class LeastBusy extends DeploymentSelector {

		@Override
		Deployment select(List<Deployment> candidates, boolean stream) {
			int fewest = Integer.MAX_VALUE;
			List<Deployment> idlest = new ArrayList<>(candidates.size());
			for (Deployment candidate : candidates) {
				int inFlight = candidate.inFlight();
				if (inFlight < fewest) {
					fewest = inFlight;
					idlest.clear();
				}
				if (inFlight == fewest) {
					idlest.add(candidate);
				}
			}
			return byWeight(idlest);
		}

	}

	private static final class LowestLatency extends DeploymentSelector {

		@Override
		Deployment select(List<Deployment> candidates, boolean stream) {
			List<Deployment> unmeasured = new ArrayList<>(candidates.size());
			@Nullable Deployment fastest = null;
			long lowest = Long.MAX_VALUE;
			for (Deployment candidate : candidates) {
				long latency = candidate.latencyNanos(stream);
				if (latency < 0) {
					unmeasured.add(candidate);
				}
				else if (latency < lowest) {
					lowest = latency;
					fastest = candidate;
				}
			}
			if (!unmeasured.isEmpty()) {
				return byWeight(unmeasured);
			}
			if (fastest == null || ThreadLocalRandom.current().nextInt(EXPLORE_ONE_IN) == 0) {
				return byWeight(candidates);
			}
			return fastest;
		}

	}

	private static final class MostHeadroom extends DeploymentSelector {

		@Override
		Deployment select(List<Deployment> candidates, boolean stream) {
			double most = -1;
			List<Deployment> roomiest = new ArrayList<>(candidates.size());
			for (Deployment candidate : candidates) {
				double headroom = candidate.headroom();
				if (headroom > most + SAME_HEADROOM) {
					most = headroom;
					roomiest.clear();
				}
				if (Math.abs(headroom - most) <= SAME_HEADROOM) {
					roomiest.add(candidate);
				}
			}
			return byWeight(roomiest);
		}

	}

}
