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

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateStatus;

/**
 * The health of the state replicas share, {@code chat.sharedState}: {@code UP} while its
 * store answers, {@code DOWN} while it does not (calls then go on under each replica's
 * own limits, or are refused with {@code fail-closed}), with what the client knows: since
 * when, why, how many calls were decided locally, the leases this replica holds. It reads
 * the client's state and sends nothing to the store; the client checks the store at every
 * refresh.
 */
public final class ChatSharedStateHealthIndicator implements ReactiveHealthIndicator {

	private final SharedState sharedState;

	/**
	 * Create the indicator.
	 * @param sharedState the shared state client
	 */
	public ChatSharedStateHealthIndicator(SharedState sharedState) {
		Assert.notNull(sharedState, "sharedState must not be null");
		this.sharedState = sharedState;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			SharedStateStatus status = this.sharedState.status();
			Health.Builder health = status.available() ? Health.up() : Health.down();
			health.withDetail("whenUnavailable", this.sharedState.settings().whenUnavailable())
				.withDetail("localDecisions", status.localDecisions())
				.withDetail("leasesHeld", status.leasesHeld());
			if (status.unavailableSince() != null) {
				health.withDetail("unavailableSince", status.unavailableSince().toString());
			}
			if (!status.available() && status.lastFailure() != null) {
				health.withDetail("error", status.lastFailure());
			}
			return health.build();
		});
	}

}
