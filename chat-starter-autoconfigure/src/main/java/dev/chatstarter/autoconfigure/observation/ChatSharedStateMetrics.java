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

package dev.chatstarter.autoconfigure.observation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;

import dev.chatstarter.core.state.SharedState;

/**
 * Meters of the state replicas share, when the application shares it:
 * {@code chat.shared.state.available} (gauge: 1 while the store answers, 0 while it does
 * not), {@code chat.shared.state.local.decisions} (counter: calls decided by this
 * replica's own limits because the store did not answer) and
 * {@code chat.shared.state.leases} (gauge: the concurrency leases this replica holds).
 */
public final class ChatSharedStateMetrics implements MeterBinder {

	private final ObjectProvider<SharedState> sharedState;

	/**
	 * Create the meters of the application's shared state, looked up when the registry
	 * binds the meters.
	 * @param sharedState the shared state, if any
	 */
	public ChatSharedStateMetrics(ObjectProvider<SharedState> sharedState) {
		this.sharedState = sharedState;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.sharedState.ifAvailable((state) -> {
			Gauge.builder("chat.shared.state.available", state, (shared) -> shared.isAvailable() ? 1 : 0)
				.description("Whether the shared state store answers (1) or not (0)")
				.register(registry);
			FunctionCounter
				.builder("chat.shared.state.local.decisions", state, (shared) -> shared.status().localDecisions())
				.description("Calls decided by this replica's own limits because the shared state store did not answer")
				.register(registry);
			Gauge.builder("chat.shared.state.leases", state, (shared) -> shared.status().leasesHeld())
				.description("Concurrency leases this replica holds in the shared state store")
				.register(registry);
		});
	}

}
