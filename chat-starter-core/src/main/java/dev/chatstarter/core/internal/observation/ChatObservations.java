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

package dev.chatstarter.core.internal.observation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.observation.ChatObservationContext;
import dev.chatstarter.core.observation.ChatObservationContext.Operation;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.DefaultChatObservationConvention;
import dev.chatstarter.core.observation.DefaultToolObservationConvention;
import dev.chatstarter.core.observation.ToolObservationContext;
import dev.chatstarter.core.observation.ToolObservationConvention;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.tool.ToolExecutionListener;

/**
 * Wraps the reactive pipelines of one provider's template in observations: each
 * observation starts when the pipeline is subscribed to and stops when it completes,
 * fails or is cancelled, before the result reaches the subscriber. The observation is put
 * in the Reactor context (under Micrometer's {@code micrometer.observation} key), so a
 * {@code WebClient} observation of the HTTP exchange (when the template sends through
 * one) becomes its child; a parent observation found there is used. The headers a tracing
 * handler propagated into a model call's context are put there too (under
 * {@link ProviderHttpClient#PROPAGATED_HEADERS}), and the call's requests carry them.
 * <p>
 * With the {@link ObservationRegistry#NOOP NOOP} registry every method returns the
 * pipeline unchanged.
 */
public final class ChatObservations {

	/**
	 * The Reactor context key of the current observation
	 * ({@code ObservationThreadLocalAccessor.KEY}).
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private static final ToolObservationConvention DEFAULT_TOOL_CONVENTION = new DefaultToolObservationConvention();

	/** The host of the observations of tool executions only, which name no server. */
	private static final String LOOPBACK = "localhost";

	private final String provider;

	private final String serverAddress;

	private final int serverPort;

	/**
	 * The provider's {@code scheme://host:port}, for tracing handlers (remote IP and port
	 * of client spans).
	 */
	private final String remoteServiceAddress;

	private final ObservationRegistry registry;

	private final @Nullable ChatObservationConvention convention;

	/** Per instance: it counts the distinct request models of this template's metrics. */
	private final ChatObservationConvention defaultConvention = new DefaultChatObservationConvention();

	private final @Nullable ToolObservationConvention toolConvention;

	/**
	 * Create the observations of a provider.
	 * @param provider the configured provider name
	 * @param baseUrl the provider's base URL; only its host and port are used
	 * @param settings the registry and conventions
	 */
	public ChatObservations(String provider, String baseUrl, ChatObservationSettings settings) {
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(settings, "settings must not be null");
		URI uri = BaseUrl.parse(baseUrl);
		this.provider = provider;
		this.serverAddress = uri.getHost();
		this.serverPort = (uri.getPort() != -1) ? uri.getPort()
				: ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
		this.remoteServiceAddress = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":"
				+ this.serverPort;
		this.registry = settings.registry();
		this.convention = settings.convention();
		this.toolConvention = settings.toolConvention();
	}

	/**
	 * Create the observations of a stage that observes tool executions only: a route,
	 * whose deployments observe their own calls.
	 * @param route the route's name
	 * @param settings the registry and conventions
	 * @return the observations
	 */
	public static ChatObservations ofToolExecutions(String route, ChatObservationSettings settings) {
		return new ChatObservations(route, "http://" + LOOPBACK, settings);
	}

	/**
	 * Whether calls are observed.
	 * @return {@code false} with the {@link ObservationRegistry#NOOP NOOP} registry
	 */
	public boolean isEnabled() {
		return !this.registry.isNoop();
	}

	/**
	 * Observe a blocking-style chat call.
	 * @param request the request
	 * @param call the call
	 * @return the observed call
	 */
	public Mono<ChatResponse> observeCall(ChatRequest request, Mono<ChatResponse> call) {
		if (!isEnabled()) {
			return call;
		}
		return observe(call, () -> chatContext(request, false), ChatObservationContext::setResponse);
	}

	/**
	 * Observe a streaming chat call: the time to the first chunk, the time between chunks
	 * and the usage of the chunk that carries it. Per chunk this costs a clock read and a
	 * counter.
	 * @param request the request
	 * @param stream the stream
	 * @return the observed stream
	 */
	public Flux<ChatChunk> observeStream(ChatRequest request, Flux<ChatChunk> stream) {
		if (!isEnabled()) {
			return stream;
		}
		return Flux.deferContextual((reactorContext) -> {
			ChatObservationContext context = chatContext(request, true);
			Scope scope = start(context, this.convention, this.defaultConvention, reactorContext);
			return stream.doOnNext(context::chunkReceived)
				.doOnComplete(scope::stop)
				.doOnError(scope::fail)
				.doOnCancel(scope::stop)
				.contextWrite(scope::putInto);
		});
	}

	/**
	 * Observe a model listing.
	 * @param models the listing
	 * @return the observed listing
	 */
	public Mono<List<ModelInfo>> observeModels(Mono<List<ModelInfo>> models) {
		if (!isEnabled()) {
			return models;
		}
		return observe(models, () -> context(Operation.MODELS, null, null), (context, list) -> {
		});
	}

	/**
	 * Observe an image generation.
	 * @param request the request
	 * @param generation the generation
	 * @return the observed generation
	 */
	public Mono<ImageResult> observeImageGeneration(ImageRequest request, Mono<ImageResult> generation) {
		if (!isEnabled()) {
			return generation;
		}
		return observe(generation, () -> context(Operation.IMAGE_GENERATION, request.model(), null),
				(context, result) -> {
				});
	}

	/**
	 * Return a tool execution listener that observes every execution, around the given
	 * listener.
	 * @param listener the listener to wrap
	 * @return the observing listener, or the given one when calls are not observed
	 */
	public ToolExecutionListener observeToolExecutions(ToolExecutionListener listener) {
		Assert.notNull(listener, "listener must not be null");
		if (!isEnabled()) {
			return listener;
		}
		return (toolName, execution) -> Mono.deferContextual((reactorContext) -> {
			Scope scope = start(new ToolObservationContext(toolName, this.provider), this.toolConvention,
					DEFAULT_TOOL_CONVENTION, reactorContext);
			return listener.observe(toolName, execution)
				.doOnSuccess((result) -> scope.stop())
				.doOnError(scope::fail)
				.doOnCancel(scope::stop)
				.contextWrite(scope::putInto);
		});
	}

	private <T> Mono<T> observe(Mono<T> call, Supplier<ChatObservationContext> contexts,
			BiConsumer<ChatObservationContext, T> onResult) {
		return Mono.deferContextual((reactorContext) -> {
			ChatObservationContext context = contexts.get();
			Scope scope = start(context, this.convention, this.defaultConvention, reactorContext);
			return call.doOnSuccess((result) -> {
				if (result != null) {
					onResult.accept(context, result);
				}
				scope.stop();
			}).doOnError(scope::fail).doOnCancel(scope::stop).contextWrite(scope::putInto);
		});
	}

	private ChatObservationContext chatContext(ChatRequest request, boolean streaming) {
		return addressed(new ChatObservationContext(Operation.CHAT, this.provider, this.serverAddress, this.serverPort,
				request.options().model(), streaming, request));
	}

	private ChatObservationContext context(Operation operation, @Nullable String model, @Nullable ChatRequest request) {
		return addressed(new ChatObservationContext(operation, this.provider, this.serverAddress, this.serverPort,
				model, false, request));
	}

	private ChatObservationContext addressed(ChatObservationContext context) {
		context.setRemoteServiceAddress(this.remoteServiceAddress);
		return context;
	}

	private <C extends Observation.Context> Scope start(C context, @Nullable ObservationConvention<C> custom,
			ObservationConvention<C> defaultConvention, ContextView reactorContext) {
		Observation observation = Observation.createNotStarted(custom, defaultConvention, () -> context, this.registry);
		Object parent = reactorContext.getOrDefault(OBSERVATION_KEY, null);
		if (parent instanceof Observation parentObservation) {
			observation.parentObservation(parentObservation);
		}
		if (context instanceof ChatObservationContext chatContext) {
			chatContext.started();
			return new Scope(observation.start(), chatContext.getCarrier());
		}
		return new Scope(observation.start(), null);
	}

	/**
	 * One started observation, stopped once whatever ends it.
	 */
	private static final class Scope {

		private final Observation observation;

		private final @Nullable Map<String, String> propagatedHeaders;

		private final AtomicBoolean stopped = new AtomicBoolean();

		Scope(Observation observation, @Nullable Map<String, String> propagatedHeaders) {
			this.observation = observation;
			this.propagatedHeaders = propagatedHeaders;
		}

		void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

		void fail(Throwable failure) {
			if (!this.stopped.get()) {
				this.observation.error(failure);
			}
			stop();
		}

		Context putInto(Context reactorContext) {
			Context withObservation = reactorContext.put(OBSERVATION_KEY, this.observation);
			Map<String, String> headers = this.propagatedHeaders;
			return (headers != null && !headers.isEmpty())
					? withObservation.put(ProviderHttpClient.PROPAGATED_HEADERS, headers) : withObservation;
		}

	}

}
