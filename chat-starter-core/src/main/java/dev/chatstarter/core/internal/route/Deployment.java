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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.resilience.CallLimiter;
import dev.chatstarter.core.internal.resilience.LimitedExchange;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * One deployment of a route: a provider, the model asked of it and its weight, with what
 * the strategies measure of it (calls in flight, recent latencies). Its answers and
 * chunks name it.
 */
public final class Deployment {

	private final String name;

	private final RouteMember member;

	private final @Nullable String model;

	private final int weight;

	private final ChatExchange exchange;

	private final CallLimiter limiter;

	/** The provider's default options, with the deployment's model. */
	private final ChatOptions defaults;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final LongAdder calls = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final LatencyAverage callLatency = new LatencyAverage();

	private final LatencyAverage firstChunkLatency = new LatencyAverage();

	/**
	 * Create a deployment.
	 * @param name the deployment's name, unique within its route
	 * @param member the provider it sends to
	 * @param model the model it asks for, or {@code null} for the provider's default
	 * @param weight its weight, at least 1
	 * @param limiter the deployment's own client-side limits, besides its provider's: a
	 * call over them fails over to another deployment
	 */
	public Deployment(String name, RouteMember member, @Nullable String model, int weight, CallLimiter limiter) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(member, "member must not be null");
		Assert.isTrue(weight > 0, () -> "the weight of deployment '" + name + "' must be at least 1");
		this.name = name;
		this.member = member;
		this.model = model;
		this.weight = weight;
		this.limiter = limiter;
		this.exchange = LimitedExchange.over(limiter, member.routedExchange());
		this.defaults = (model != null) ? member.defaultOptions().mutate().model(model).build()
				: member.defaultOptions();
	}

	/**
	 * Return the deployment's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the deployment's weight.
	 * @return the weight
	 */
	int weight() {
		return this.weight;
	}

	/**
	 * Whether the deployment takes calls now.
	 * @return {@code true} when its provider is not cooling down and has a key left
	 */
	boolean isServing() {
		return this.member.isServing();
	}

	/**
	 * Return the calls and streams in flight.
	 * @return the count
	 */
	int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Return the recent latency of calls, or of the first chunk of streams.
	 * @param stream whether the latency of streams is asked for
	 * @return the average in nanoseconds, or {@code -1} before the first measurement
	 */
	long latencyNanos(boolean stream) {
		return stream ? this.firstChunkLatency.nanos() : this.callLatency.nanos();
	}

	/**
	 * Return the share left of the provider's rate limits and of the deployment's own.
	 * @return a share from {@code 0} to {@code 1}
	 */
	double headroom() {
		return Math.min(this.member.headroom(), this.limiter.headroom());
	}

	/**
	 * Send a call to this deployment.
	 * @param request the request, merged with the route's default options
	 * @param routeDefaults the route's default options, which the provider's replace
	 * @return the answer, naming this deployment
	 */
	Mono<ChatResponse> call(ChatRequest request, ChatOptions routeDefaults) {
		ChatRequest deployed = requestFor(request, routeDefaults);
		return Mono.defer(() -> {
			Attempt attempt = new Attempt();
			return this.exchange.call(deployed).map(attempt::answered).doFinally(attempt::ended);
		});
	}

	/**
	 * Send a stream to this deployment.
	 * @param request the request, merged with the route's default options
	 * @param routeDefaults the route's default options, which the provider's replace
	 * @return the chunks, each naming this deployment
	 */
	Flux<ChatChunk> stream(ChatRequest request, ChatOptions routeDefaults) {
		ChatRequest deployed = requestFor(request, routeDefaults);
		return Flux.defer(() -> {
			Attempt attempt = new Attempt();
			return this.exchange.stream(deployed).map(attempt::streamed).doFinally(attempt::ended);
		});
	}

	private ChatRequest requestFor(ChatRequest request, ChatOptions routeDefaults) {
		return new ChatRequest(request.messages(), request.options().rebased(routeDefaults, this.defaults));
	}

	/**
	 * Return a snapshot of this deployment.
	 * @return the state
	 */
	RouteState.DeploymentState state() {
		return new RouteState.DeploymentState(this.name, this.member.provider(), this.model, this.weight, isServing(),
				inFlight(), this.calls.sum(), this.failures.sum(), this.callLatency.duration(),
				this.firstChunkLatency.duration(), headroom());
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * One call or stream on this deployment: counted in flight until its answer (before
	 * the caller sees it, so that the caller's next call finds the count already down),
	 * or until it ends otherwise; timed to its answer or first chunk; naming the
	 * deployment on what it returns.
	 */
	private final class Attempt {

		private final long start;

		private final AtomicBoolean ended = new AtomicBoolean();

		private boolean first = true;

		Attempt() {
			Deployment.this.calls.increment();
			Deployment.this.inFlight.incrementAndGet();
			this.start = System.nanoTime();
		}

		ChatResponse answered(ChatResponse response) {
			Deployment.this.callLatency.record(System.nanoTime() - this.start);
			end(false);
			return response.withDeployment(Deployment.this.name);
		}

		ChatChunk streamed(ChatChunk chunk) {
			if (this.first) {
				this.first = false;
				Deployment.this.firstChunkLatency.record(System.nanoTime() - this.start);
			}
			return chunk.withDeployment(Deployment.this.name);
		}

		void ended(SignalType signal) {
			end(signal == SignalType.ON_ERROR);
		}

		private void end(boolean failed) {
			if (this.ended.compareAndSet(false, true)) {
				Deployment.this.inFlight.decrementAndGet();
				if (failed) {
					Deployment.this.failures.increment();
				}
			}
		}

	}

}
