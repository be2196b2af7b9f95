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
import java.util.List;
import java.util.Map;
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
import dev.chatstarter.core.cost.CostSettings;
import dev.chatstarter.core.http.ApiKeyPool;
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
import dev.chatstarter.core.model.ModelAliases;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.ToolObservationConvention;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;
import dev.chatstarter.core.tool.ToolSettings;

/**
 * The default {@link ChatTemplate.Builder}.
 */
final class DefaultChatTemplateBuilder implements ChatTemplate.Builder {

	private String provider = "default";

	private ChatOptions defaultOptions = ChatOptions.empty();

	private ProviderDialect dialect = ProviderDialect.openAi();

	private ModelAliases modelAliases = ModelAliases.none();

	private @Nullable JsonMapper jsonMapper;

	private final HttpSettings.Builder http;

	private ChatTransport transport = ReactorNettyTransport.create();

	private ConnectionPoolSettings connectionPool = ConnectionPoolSettings.defaults();

	/** A pool shared with the template this builder was mutated from, or the caller's. */
	private @Nullable ConnectionPool sharedPool;

	private RetryListener retryListener = RetryListener.NONE;

	private final ToolSettings.Builder tools;

	private final ChatObservationSettings.Builder observations;

	private final ResilienceSettings.Builder resilience;

	private final CostSettings.Builder cost;

	private List<FallbackMember> fallbacks = List.of();

	DefaultChatTemplateBuilder() {
		this.http = HttpSettings.builder();
		this.tools = ToolSettings.builder();
		this.observations = ChatObservationSettings.builder();
		this.resilience = ResilienceSettings.builder();
		this.cost = CostSettings.builder();
	}

	DefaultChatTemplateBuilder(ChatTemplateSettings settings) {
		this.provider = settings.provider();
		this.defaultOptions = settings.defaultOptions();
		this.dialect = settings.dialect();
		this.modelAliases = settings.modelAliases();
		this.jsonMapper = settings.jsonMapper();
		this.http = settings.http().mutate();
		this.transport = settings.transport().transport();
		this.sharedPool = settings.transport().pool();
		this.retryListener = settings.retryListener();
		this.tools = settings.tools().mutate();
		this.observations = settings.observations().mutate();
		this.resilience = settings.resilience().mutate();
		this.cost = settings.cost().mutate();
		this.fallbacks = settings.fallbacks();
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
	public ChatTemplate.Builder keyPool(@Nullable ApiKeyPool keyPool) {
		this.http.keyPool(keyPool);
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
	public ChatTemplate.Builder modelAliases(Map<String, String> aliases) {
		this.modelAliases = ModelAliases.of(aliases);
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
	public ChatTemplate.Builder tools(Consumer<ToolSettings.Builder> tools) {
		Assert.notNull(tools, "tools must not be null");
		tools.accept(this.tools);
		return this;
	}

	@Override
	public ChatTemplate.Builder observations(Consumer<ChatObservationSettings.Builder> observations) {
		Assert.notNull(observations, "observations must not be null");
		observations.accept(this.observations);
		return this;
	}

	@Override
	public ChatTemplate.Builder resilience(Consumer<ResilienceSettings.Builder> resilience) {
		Assert.notNull(resilience, "resilience must not be null");
		resilience.accept(this.resilience);
		return this;
	}

	@Override
	public ChatTemplate.Builder cost(Consumer<CostSettings.Builder> cost) {
		Assert.notNull(cost, "cost must not be null");
		cost.accept(this.cost);
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
		this.tools.registry(toolRegistry);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolRegistry(Supplier<ToolRegistry> toolRegistry) {
		this.tools.registry(toolRegistry);
		return this;
	}

	@Override
	public ChatTemplate.Builder defaultTools(String... names) {
		this.tools.defaultTools(names);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolExecution(ToolExecutionOptions options) {
		this.tools.execution(options);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolErrorConverter(ToolErrorConverter converter) {
		this.tools.errorConverter(converter);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolExecutionListener(ToolExecutionListener listener) {
		this.tools.listener(listener);
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
		this.observations.registry(observationRegistry);
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
		this.observations.convention(convention);
		return this;
	}

	@Override
	public ChatTemplate.Builder fallback(ChatTemplate... fallbacks) {
		this.fallbacks = TemplateFallback.allOf(fallbacks);
		return this;
	}

	@Override
	public ChatTemplate.Builder toolObservationConvention(ToolObservationConvention convention) {
		this.observations.toolConvention(convention);
		return this;
	}

	@Override
	public ChatTemplate.Builder fallbackOn(FallbackTrigger... triggers) {
		this.resilience.fallbackOn(triggers);
		return this;
	}

	@Override
	public ChatTemplate.Builder fallbackListener(FallbackListener listener) {
		this.resilience.fallbackListener(listener);
		return this;
	}

	@Override
	public ChatTemplate.Builder cooldown(CooldownPolicy policy) {
		this.resilience.cooldown(policy);
		return this;
	}

	@Override
	public ChatTemplate.Builder limits(ProviderLimits limits) {
		this.resilience.limits(limits);
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
		this.resilience.clock(clock);
		return this;
	}

	@Override
	public ChatTemplate build() {
		HttpSettings http = this.http.build();
		BaseUrl.parse(http.baseUrl());
		ToolSettings tools = this.tools.build();
		ConnectionPool sharedPool = this.sharedPool;
		ConnectionPool pool = (sharedPool != null) ? sharedPool
				: ConnectionPool.onFirstUse("chat-" + this.provider, this.connectionPool);
		TransportSettings transport = new TransportSettings(this.transport, pool, sharedPool == null);
		return new DefaultChatTemplate(new ChatTemplateSettings(this.provider, this.defaultOptions, this.dialect,
				this.modelAliases, this.jsonMapper, http, transport, this.retryListener, tools,
				this.observations.build(), this.resilience.build(), this.cost.build(), this.fallbacks));
	}

}
