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

/**
 * How a route picks the deployment a call goes to first. Deployments that cool down or
 * have no API key left are skipped by every strategy, and a failed call moves on to the
 * next deployment the strategy picks among those not tried yet.
 */
public enum RouteStrategy {

	/**
	 * At random, in proportion to the deployments' weights.
	 */
	WEIGHTED,

	/**
	 * Each deployment in turn; weights are not used.
	 */
	ROUND_ROBIN,

	/**
	 * The deployment with the fewest calls in flight; ties are broken by weight, at
	 * random.
	 */
	LEAST_BUSY,

	/**
	 * The deployment with the lowest recent latency: the whole answer for calls, the time
	 * to the first chunk for streams. A deployment without a measurement yet is tried
	 * first, and one call in twenty goes to another deployment by weight, so that a
	 * deployment that was slow is measured again.
	 */
	LOWEST_LATENCY,

	/**
	 * The deployment with the most rate-limit headroom: the share of requests and tokens
	 * left that the provider last reported in its {@code x-ratelimit-remaining-*} and
	 * {@code x-ratelimit-limit-*} headers (until the reset it announced), else the share
	 * left of its client-side limits; ties are broken by weight, at random.
	 */
	MOST_HEADROOM

}
