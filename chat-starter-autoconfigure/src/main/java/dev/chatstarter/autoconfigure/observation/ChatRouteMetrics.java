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
			Tags tags = Tags.of("route", state.route(), "deployment", deployment.name(), "provider",
					deployment.provider());
			int position = index;
			Function<ChatTemplate, RouteState.@Nullable DeploymentState> read = (template) -> deploymentAt(template,
					position);
			FunctionCounter
				.builder("chat.route.deployment.calls", route,
						(template) -> value(read.apply(template), RouteState.DeploymentState::calls))
				.description("Calls and streams sent to the deployment")
				.tags(tags)
				.register(registry);
			FunctionCounter
				.builder("chat.route.deployment.failures", route,
						(template) -> value(read.apply(template), RouteState.DeploymentState::failures))
				.description("Calls and streams that failed on the deployment")
				.tags(tags)
				.register(registry);
			Gauge
				.builder("chat.route.deployment.active", route,
						(template) -> value(read.apply(template), RouteState.DeploymentState::inFlight))
				.description("Calls and streams the deployment is answering")
				.tags(tags)
				.register(registry);
			Gauge
				.builder("chat.route.deployment.serving", route,
						(template) -> value(read.apply(template), (current) -> current.serving() ? 1 : 0))
				.description("Whether the deployment takes calls (1) or is skipped (0)")
				.tags(tags)
				.register(registry);
			TimeGauge
				.builder("chat.route.deployment.latency", route, TimeUnit.NANOSECONDS,
						(template) -> nanos(read.apply(template), RouteState.DeploymentState::latency))
				.description("Recent latency of the deployment's calls")
				.tags(tags)
				.register(registry);
			TimeGauge
				.builder("chat.route.deployment.first.chunk", route, TimeUnit.NANOSECONDS,
						(template) -> nanos(read.apply(template), RouteState.DeploymentState::firstChunkLatency))
				.description("Recent time to the first chunk of the deployment's streams")
				.tags(tags)
				.register(registry);
		}
	}

	private static RouteState.@Nullable DeploymentState deploymentAt(ChatTemplate template, int index) {
		RouteState state = template.routeState();
		return (state != null && index < state.deployments().size()) ? state.deployments().get(index) : null;
	}

	private static double value(RouteState.@Nullable DeploymentState state,
			ToDoubleFunction<RouteState.DeploymentState> value) {
		return (state != null) ? value.applyAsDouble(state) : 0;
	}

	private static double nanos(RouteState.@Nullable DeploymentState state,
			Function<RouteState.DeploymentState, @Nullable Duration> latency) {
		Duration duration = (state != null) ? latency.apply(state) : null;
		return (duration != null) ? duration.toNanos() : Double.NaN;
	}

}
