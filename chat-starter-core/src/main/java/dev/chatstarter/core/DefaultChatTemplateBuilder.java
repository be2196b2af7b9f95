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

package dev.chatstarter.core;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.ReactorNettyTransport;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.internal.http.ConnectionPool;
import dev.chatstarter.core.internal.resilience.FallbackMember;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.ToolObservationConvention;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * The default {@link ChatTemplate.Builder}.
 */
final class DefaultChatTemplateBuilder implements ChatTemplate.Builder {

	private String provider = "default";

	private ChatOptions defaultOptions = ChatOptions.empty();

	/** How to reach the provider: base URL, key, headers, timeouts, retries, limits. */
	private final HttpSettings.Builder http;

	private ProviderDialect dialect = ProviderDialect.openAi();

	private ChatTransport transport = ReactorNettyTransport.create();

	private @Nullable JsonMapper jsonMapper;

	private Supplier<ToolRegistry> toolRegistry = ToolRegistry::empty;

	private @Nullable ToolRegistry eagerToolRegistry = ToolRegistry.empty();

	private List<String> defaultTools = List.of();

	private ToolExecutionOptions toolExecution = ToolExecutionOptions.defaults();

	private ToolExecutionListener toolExecutionListener = ToolExecutionListener.NONE;

	private ToolErrorConverter toolErrorConverter = ToolErrorConverter.neutral();

	private RetryListener retryListener = RetryListener.NONE;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ChatObservationConvention observationConvention;

	private @Nullable ToolObservationConvention toolObservationConvention;

	private List<FallbackMember> fallbacks = List.of();

	private Set<FallbackTrigger> fallbackOn = EnumSet.allOf(FallbackTrigger.class);

	private FallbackListener fallbackListener = FallbackListener.NONE;

	private CooldownPolicy cooldown = CooldownPolicy.defaults();

	private ProviderLimits limits = ProviderLimits.none();

	private InstantSource clock = InstantSource.system();

	/** A pool shared with the template this builder was mutated from, or the caller's. */
	private @Nullable ConnectionPool sharedPool;

	private ConnectionPoolSettings connectionPool = ConnectionPoolSettings.defaults();

	DefaultChatTemplateBuilder() {
		this.http = HttpSettings.builder();
	}

	DefaultChatTemplateBuilder(ChatTemplateSettings settings) {
		this.http = settings.http().mutate();
		this.provider = settings.provider();
		this.defaultOptions = settings.defaultOptions();
		this.dialect = settings.dialect();
		this.transport = settings.transport();
		this.jsonMapper = settings.jsonMapper();
		this.toolRegistry = settings.toolRegistry();
		this.eagerToolRegistry = null;
		this.defaultTools = settings.defaultTools();
		this.toolExecution = settings.toolExecution();
		this.toolExecutionListener = settings.toolExecutionListener();
		this.toolErrorConverter = settings.toolErrorConverter();
		this.retryListener = settings.retryListener();
		this.observationRegistry = settings.observations().registry();
		this.observationConvention = settings.observations().convention();
		this.toolObservationConvention = settings.observations().toolConvention();
		ResilienceSettings resilience = settings.resilience();
		this.fallbacks = resilience.fallbacks();
		this.fallbackOn = EnumSet.copyOf(resilience.fallbackOn());
		this.fallbackListener = resilience.fallbackListener();
		this.cooldown = resilience.cooldown();
		this.limits = resilience.limits();
		this.clock = resilience.clock();
		this.sharedPool = resilience.connectionPool();
	}

	@Override
	public ChatTemplate.Builder provider(String provider) {
		Assert.hasText(provider, "provider must not be empty");
		this.provider = provider;
		return this;
	}

	@Override
	public ChatTemplate.Builder baseUrl(String baseUrl) {
		this.http.baseUrl(baseUrl);
		return this;
	}

	@Override
	public ChatTemplate.Builder apiKey(@Nullable String apiKey) {
		this.http.apiKey(apiKey);
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultOptions(ChatOptions options) {
		Assert.notNull(options, "options must not be null");
		this.defaultOptions = options;
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultOptions(Consumer<ChatOptions.Builder> options) {
		ChatOptions.Builder builder = this.defaultOptions.mutate();
		options.accept(builder);
		this.defaultOptions = builder.build();
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultHeader(String name, String... values) {
		this.http.headers((headers) -> headers.put(name, List.of(values)));
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultHeaders(Consumer<HttpHeaders> headers) {
		this.http.headers(headers);
		return this;
	}

	@Override
	public ChatTemplate.Builder connectTimeout(Duration timeout) {
		this.http.connectTimeout(timeout);
		return this;
	}

	@Override
	public ChatTemplate.Builder responseTimeout(Duration timeout) {
		this.http.responseTimeout(timeout);
		return this;
	}

	@Override
	public ChatTemplate.Builder streamIdleTimeout(Duration timeout) {
		this.http.streamIdleTimeout(timeout);
		return this;
	}

	@Override
	public ChatTemplate.Builder retryPolicy(RetryPolicy retryPolicy) {
		this.http.retryPolicy(retryPolicy);
		return this;
	}

	@Override
	public ChatTemplate.Builder dialect(ProviderDialect dialect) {
		Assert.notNull(dialect, "dialect must not be null");
		this.dialect = dialect;
		return this;
	}

	@Override
	public ChatTemplate.Builder httpVersion(HttpVersion httpVersion) {
		this.http.httpVersion(httpVersion);
		return this;
	}

	@Override
	public ChatTemplate.Builder http(Consumer<HttpSettings.Builder> http) {
		Assert.notNull(http, "http must not be null");
		http.accept(this.http);
		return this;
	}

	@Override
	public ChatTemplate.Builder transport(ChatTransport transport) {
		Assert.notNull(transport, "transport must not be null");
		this.transport = transport;
		return this;
	}

	@Override
	public ChatTemplate.Builder jsonMapper(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.jsonMapper = jsonMapper;
		return this;
	}

	@Override
	public ChatTemplate.Builder toolRegistry(ToolRegistry toolRegistry) {
		Assert.notNull(toolRegistry, "toolRegistry must not be null");
		this.toolRegistry = () -> toolRegistry;
		this.eagerToolRegistry = toolRegistry;
		return this;
	}

	@Override
	public ChatTemplate.Builder toolRegistry(Supplier<ToolRegistry> toolRegistry) {
		Assert.notNull(toolRegistry, "toolRegistry must not be null");
		this.toolRegistry = toolRegistry;
		this.eagerToolRegistry = null;
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultTools(String... names) {
		Assert.noNullElements(names, "names must not contain null");
		this.defaultTools = List.of(names);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolExecution(ToolExecutionOptions options) {
		Assert.notNull(options, "options must not be null");
		this.toolExecution = options;
		return this;
	}

	@Override
	public ChatTemplate.Builder toolErrorConverter(ToolErrorConverter converter) {
		Assert.notNull(converter, "converter must not be null");
		this.toolErrorConverter = converter;
		return this;
	}

	@Override
	public ChatTemplate.Builder toolExecutionListener(ToolExecutionListener listener) {
		Assert.notNull(listener, "listener must not be null");
		this.toolExecutionListener = listener;
		return this;
	}

	@Override
	public ChatTemplate.Builder retryListener(RetryListener listener) {
		Assert.notNull(listener, "listener must not be null");
		RetryListener previous = this.retryListener;
		this.retryListener = (previous == RetryListener.NONE) ? listener : (provider, failure) -> {
			previous.onRetry(provider, failure);
			listener.onRetry(provider, failure);
		};
		return this;
	}

	@Override
	public ChatTemplate.Builder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	@Override
	public ChatTemplate.Builder maxResponseSize(DataSize maxResponseSize) {
		this.http.maxResponseSize(maxResponseSize);
		return this;
	}

	@Override
	public ChatTemplate.Builder maxStreamSize(DataSize maxStreamSize) {
		this.http.maxStreamSize(maxStreamSize);
		return this;
	}

	@Override
	public ChatTemplate.Builder callTimeout(@Nullable Duration timeout) {
		this.http.callTimeout(timeout);
		return this;
	}

	@Override
	public ChatTemplate.Builder observationConvention(ChatObservationConvention convention) {
		Assert.notNull(convention, "convention must not be null");
		this.observationConvention = convention;
		return this;
	}

	@Override
	public ChatTemplate.Builder fallback(ChatTemplate... fallbacks) {
		Assert.noNullElements(fallbacks, "fallbacks must not contain null");
		List<FallbackMember> members = new ArrayList<>(fallbacks.length);
		for (ChatTemplate fallback : fallbacks) {
			members.add(TemplateFallback.of(fallback));
		}
		this.fallbacks = List.copyOf(members);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolObservationConvention(ToolObservationConvention convention) {
		Assert.notNull(convention, "convention must not be null");
		this.toolObservationConvention = convention;
		return this;
	}

	@Override
	public ChatTemplate.Builder fallbackOn(FallbackTrigger... triggers) {
		Assert.noNullElements(triggers, "triggers must not contain null");
		this.fallbackOn = (triggers.length > 0) ? EnumSet.copyOf(List.of(triggers))
				: EnumSet.noneOf(FallbackTrigger.class);
		return this;
	}

	@Override
	public ChatTemplate.Builder fallbackListener(FallbackListener listener) {
		Assert.notNull(listener, "listener must not be null");
		FallbackListener previous = this.fallbackListener;
		this.fallbackListener = (previous == FallbackListener.NONE) ? listener : (from, to, failure) -> {
			previous.onFallback(from, to, failure);
			listener.onFallback(from, to, failure);
		};
		return this;
	}

	@Override
	public ChatTemplate.Builder cooldown(CooldownPolicy policy) {
		Assert.notNull(policy, "policy must not be null");
		this.cooldown = policy;
		return this;
	}

	@Override
	public ChatTemplate.Builder limits(ProviderLimits limits) {
		Assert.notNull(limits, "limits must not be null");
		this.limits = limits;
		return this;
	}

	@Override
	public ChatTemplate.Builder connectionProvider(ConnectionProvider connectionProvider) {
		Assert.notNull(connectionProvider, "connectionProvider must not be null");
		this.sharedPool = ConnectionPool.of(connectionProvider);
		return this;
	}

	@Override
	public ChatTemplate.Builder connectionPool(ConnectionPoolSettings connectionPool) {
		Assert.notNull(connectionPool, "connectionPool must not be null");
		this.connectionPool = connectionPool;
		this.sharedPool = null;
		return this;
	}

	@Override
	public ChatTemplate.Builder clock(InstantSource clock) {
		Assert.notNull(clock, "clock must not be null");
		this.clock = clock;
		return this;
	}

	@Override
	public ChatTemplate build() {
		HttpSettings http = this.http.build();
		BaseUrl.parse(http.baseUrl());
		if (this.eagerToolRegistry != null) {
			this.eagerToolRegistry.resolve(this.defaultTools);
		}
		ConnectionPool sharedPool = this.sharedPool;
		boolean ownsPool = (sharedPool == null);
		ConnectionPool pool = (sharedPool != null) ? sharedPool
				: ConnectionPool.onFirstUse("chat-" + this.provider, this.connectionPool);
		return new DefaultChatTemplate(new ChatTemplateSettings(this.provider, http, this.defaultOptions, this.dialect,
				this.transport, this.jsonMapper, this.toolRegistry, this.defaultTools, this.toolExecution,
				this.toolExecutionListener, this.toolErrorConverter, this.retryListener,
				new ChatObservationSettings(this.observationRegistry, this.observationConvention,
						this.toolObservationConvention),
				new ResilienceSettings(this.fallbacks, this.fallbackOn, this.fallbackListener, this.cooldown,
						this.limits, this.clock, pool, ownsPool)));
	}

}
