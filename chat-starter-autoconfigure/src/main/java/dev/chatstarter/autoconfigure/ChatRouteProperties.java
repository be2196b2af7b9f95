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

package dev.chatstarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.route.RouteStrategy;

/**
 * One entry of {@code chat.routes}: a named group of deployments (a provider and a model)
 * that becomes a {@link dev.chatstarter.core.ChatTemplate} bean of its own, with the
 * route name as bean name and qualifier.
 *
 * <pre class="code">
 * chat:
 *   routes:
 *     smart:
 *       strategy: weighted
 *       deployments:
 *         - { provider: aigc, model: gpt-4.1, weight: 3 }
 *         - { provider: lalc, model: gpt-4.1, weight: 1 }
 * </pre>
 */
public final class ChatRouteProperties {

	/**
	 * How the first deployment of each call is picked: weighted (at random by weight),
	 * round-robin, least-busy (fewest calls in flight), lowest-latency (time to the first
	 * chunk for streams) or most-headroom (most rate limit left).
	 */
	private RouteStrategy strategy = RouteStrategy.WEIGHTED;

	/**
	 * The deployments: provider (a name under chat.providers), model (the provider's
	 * default when not set; the provider's model aliases apply), weight (1 when not set)
	 * and an optional name (provider/model when not set).
	 */
	private final List<Deployment> deployments = new ArrayList<>();

	/**
	 * Names of the providers a call falls back to, in order, when every deployment failed
	 * or none serves.
	 */
	private final List<String> fallback = new ArrayList<>();

	/**
	 * Failures that move a call to another deployment and then to the fallbacks:
	 * retryable, authentication, quota. All of them when not set.
	 */
	private final List<FallbackTrigger> failoverOn = new ArrayList<>();

	/**
	 * How much the route's calls may spend per period, as the providers of its
	 * deployments price them; shared across replicas with chat.shared-state.store=redis.
	 */
	private final ChatProperties.Budget budget = new ChatProperties.Budget();

	public RouteStrategy getStrategy() {
		return this.strategy;
	}

	public void setStrategy(RouteStrategy strategy) {
		this.strategy = strategy;
	}

	public List<Deployment> getDeployments() {
		return this.deployments;
	}

	public List<String> getFallback() {
		return this.fallback;
	}

	public List<FallbackTrigger> getFailoverOn() {
		return this.failoverOn;
	}

	public ChatProperties.Budget getBudget() {
		return this.budget;
	}

	/**
	 * One deployment of a route.
	 */
	public static final class Deployment {

		/**
		 * Name of the provider, one of chat.providers.
		 */
		private @Nullable String provider;

		/**
		 * Model asked of the provider; its default model when not set.
		 */
		private @Nullable String model;

		/**
		 * Weight of the deployment, at least 1.
		 */
		private int weight = 1;

		/**
		 * Name of the deployment in answers, health and metrics; provider/model when not
		 * set.
		 */
		private @Nullable String name;

		/**
		 * Client-side limits of this deployment, besides its provider's (such as a
		 * model's own rate limit): a call over them fails over to another deployment.
		 */
		private final ChatProperties.Limits limits = new ChatProperties.Limits();

		public @Nullable String getProvider() {
			return this.provider;
		}

		public void setProvider(@Nullable String provider) {
			this.provider = provider;
		}

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public ChatProperties.Limits getLimits() {
			return this.limits;
		}

		/**
		 * Return the name of the deployment in answers, health and metrics.
		 * @return the configured name, else {@code provider/model}, else the provider
		 */
		public String determineName() {
			if (this.name != null && !this.name.isBlank()) {
				return this.name.trim();
			}
			String providerName = (this.provider != null) ? this.provider.trim() : "";
			return (this.model != null && !this.model.isBlank()) ? providerName + "/" + this.model.trim()
					: providerName;
		}

	}

}
