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

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.internal.ChatExchange;

/**
 * A provider as a route deploys it: its guarded stage, and what the route's strategies
 * read of its state.
 */
public interface RouteMember {

	/**
	 * Return the provider name.
	 * @return the name
	 */
	String provider();

	/**
	 * Return the provider's default options, which a deployment's requests are rebased
	 * onto.
	 * @return the options
	 */
	ChatOptions defaultOptions();

	/**
	 * Return the stage a route sends to: guarded, and refusing at once while the provider
	 * cools down.
	 * @return the stage
	 */
	ChatExchange routedExchange();

	/**
	 * Whether the provider takes calls now: it is not cooling down and one of its API
	 * keys serves.
	 * @return {@code true} when it does
	 */
	boolean isServing();

	/**
	 * Return the share of the provider's rate limits left: what it last reported in its
	 * rate-limit headers, else what its client-side limits leave.
	 * @return a share from {@code 0} to {@code 1}; {@code 1} when nothing limits it
	 */
	double headroom();

}
