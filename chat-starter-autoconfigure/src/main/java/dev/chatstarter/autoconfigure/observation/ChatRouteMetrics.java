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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.Assert;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.observation.ErrorTypes;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.route.RouteState;

/**
 * Meters of every route, read from {@link ChatTemplate#routeState()} when scraped, each
 * tagged {@code route}, {@code deployment} and {@code provider} (bounded by the
 * configuration): {@code chat.route.deployment.calls} and
 * {@code chat.route.deployment.failures} (counters), {@code chat.route.deployment.active}
 * (calls in flight), {@code chat.route.deployment.serving} (1 or 0) and
 * {@code chat.route.deployment.latency} / {@code chat.route.deployment.first.chunk}
 * (recent averages); and {@value #FAILOVERS}, counted as calls move, tagged
 * {@code route}, {@code deployment} (the one that failed), {@value #FAILOVER_TO} and
 * {@code error.type}.
 */
public final class ChatRouteMetrics implements MeterBinder {

	/** The failover counter. */
	public static final String FAILOVERS = "chat.route.failovers";

	/** The tag naming the deployment, or fallback provider, a call moved to. */
	public static final String FAILOVER_TO = "chat.failover.to";

	private final ObjectProvider<ChatTemplates> templates;

	/**
	 * Create the meters of the application's routes, looked up when the registry binds
	 * the meters (after the templates were created).
	 * @param templates the templates, if any
	 */
	public ChatRouteMetrics(ObjectProvider<ChatTemplates> templates) {
		this.templates = templates;
	}

	/**
	 * Return the listener that counts the failovers of a route.
	 * @param route the route's name
	 * @param registry the registry to count in
	 * @return the listener
	 */
	public static FallbackListener failovers(String route, MeterRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		return (from, to, failure) -> Counter.builder(FAILOVERS)
			.description("Calls of a route moved on to another deployment or to the route's fallback")
			.tags("route", route, "deployment", from, FAILOVER_TO, to, "error.type", ErrorTypes.of(failure))
			.register(registry)
			.increment();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.templates.ifAvailable((templates) -> templates.asMap().forEach((name, template) -> {
			RouteState state = template.routeState();
			if (state != null) {
				bind(registry, template, state);
			}
		}));
	}

	private static void bind(MeterRegistry registry, ChatTemplate route, RouteState state) {
		List<RouteState.DeploymentState> deployments = state.deployments();
		for (int index = 0; index < deployments.size(); index++) {
			RouteState.DeploymentState deployment = deployments.get(index);
			DeploymentMeters meters = new DeploymentMeters(registry, route, index, Tags.of("route", state.route(),
					"deployment", deployment.name(), "provider", deployment.provider()));
			meters.counter("chat.route.deployment.calls", "Calls and streams sent to the deployment",
					RouteState.DeploymentState::calls);
			meters.counter("chat.route.deployment.failures", "Calls and streams that failed on the deployment",
					RouteState.DeploymentState::failures);
			meters.gauge("chat.route.deployment.active", "Calls and streams the deployment is answering",
					RouteState.DeploymentState::inFlight);
			meters.gauge("chat.route.deployment.serving", "Whether the deployment takes calls (1) or is skipped (0)",
					(current) -> current.serving() ? 1 : 0);
			meters.latency("chat.route.deployment.latency", "Recent latency of the deployment's calls",
					RouteState.DeploymentState::latency);
			meters.latency("chat.route.deployment.first.chunk",
					"Recent time to the first chunk of the deployment's streams",
					RouteState.DeploymentState::firstChunkLatency);
		}
	}

	/**
	 * Registers the meters of one deployment, each reading its value from the route's
	 * current state when scraped.
	 */
	private record DeploymentMeters(MeterRegistry registry, ChatTemplate route, int index, Tags tags) {

		void counter(String name, String description, ToDoubleFunction<RouteState.DeploymentState> value) {
			FunctionCounter.builder(name, this.route, (template) -> read(template, value))
				.description(description)
				.tags(this.tags)
				.register(this.registry);
		}

		void gauge(String name, String description, ToDoubleFunction<RouteState.DeploymentState> value) {
			Gauge.builder(name, this.route, (template) -> read(template, value))
				.description(description)
				.tags(this.tags)
				.register(this.registry);
		}

		void latency(String name, String description,
				Function<RouteState.DeploymentState, @Nullable Duration> latency) {
			TimeGauge.builder(name, this.route, TimeUnit.NANOSECONDS, (template) -> read(template, (state) -> {
				Duration duration = latency.apply(state);
				return (duration != null) ? duration.toNanos() : Double.NaN;
			})).description(description).tags(this.tags).register(this.registry);
		}

		private double read(ChatTemplate template, ToDoubleFunction<RouteState.DeploymentState> value) {
			RouteState state = template.routeState();
			return (state != null && this.index < state.deployments().size())
					? value.applyAsDouble(state.deployments().get(this.index)) : 0;
		}

	}

}
