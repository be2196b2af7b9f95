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

package dev.chatstarter.autoconfigure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.autoconfigure.ChatProperties.Dialect;
import dev.chatstarter.autoconfigure.ChatProperties.Options;
import dev.chatstarter.autoconfigure.ChatProperties.Provider;
import dev.chatstarter.autoconfigure.ChatProperties.Retry;
import dev.chatstarter.autoconfigure.ChatProperties.Transport;
import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;
import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.ModelPrice;
import dev.chatstarter.core.cost.Pricing;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.http.ReactorNettyTransport;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * Builds the {@link ChatTemplate} of one configured provider: the bound
 * {@link ChatProperties}, its transport (secured by its SSL bundle, through Spring Boot's
 * {@code WebClient.Builder} for {@code transport: web-client}), the application's
 * {@link JsonMapper} when it has one, and finally every {@link ChatTemplateCustomizer} in
 * order. This is the one place that maps properties to the builder.
 */
final class ChatTemplateFactory {

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d*)");

	private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

	private ChatTemplateFactory() {
	}

	/**
	 * Create the template of a provider: the static factory method of each provider's
	 * bean definition, so Spring AOT generates a plain call to it.
	 * @param name the provider name
	 * @param beanFactory the bean factory to take the properties and collaborators from
	 * @return the template
	 */
	static ChatTemplate create(String name, ListableBeanFactory beanFactory) {
		return configure(ChatTemplate.builder(), name, beanFactory).build();
	}

	/**
	 * Configure a builder for a provider: its properties, the application's
	 * collaborators, its SSL bundle, then the customizers.
	 * @param builder the builder
	 * @param name the provider name
	 * @param beanFactory the bean factory to take the properties and collaborators from
	 * @return the builder
	 */
	static ChatTemplate.Builder configure(ChatTemplate.Builder builder, String name, ListableBeanFactory beanFactory) {
		ChatProperties properties = beanFactory.getBean(ChatProperties.class);
		Provider provider = properties.getProviders().get(name);
		Assert.state(provider != null, () -> "No chat provider named '" + name + "' is configured");
		builder.provider(name);
		configure(builder, provider);
		builder.transport(transport(name, provider, beanFactory));
		beanFactory.getBeanProvider(JsonMapper.class).ifUnique(builder::jsonMapper);
		applyTools(provider, properties.getTools(), builder, beanFactory);
		applyFallbacks(provider, builder, beanFactory);
		beanFactory.getBeanProvider(ChatTemplateCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(name, builder));
		return builder;
	}

	/**
	 * Apply a provider's properties to a builder.
	 * @param builder the builder
	 * @param provider the provider's properties
	 */
	static void configure(ChatTemplate.Builder builder, Provider provider) {
		String baseUrl = provider.getBaseUrl();
		Assert.state(baseUrl != null, "baseUrl was not validated");
		builder.baseUrl(baseUrl.trim())
			.apiKey(provider.getApiKey())
			.keyPool(toKeyPool(provider))
			.modelAliases(provider.getModels())
			.defaultOptions(toChatOptions(provider.getModel(), provider.getOptions()))
			.defaultHeaders((headers) -> provider.getHeaders().forEach(headers::add))
			.connectTimeout(provider.getConnectTimeout())
			.responseTimeout(provider.getResponseTimeout())
			.streamIdleTimeout(provider.getStreamIdleTimeout())
			.retryPolicy(toRetryPolicy(provider.getRetry()))
			.dialect(toDialect(provider.getDialect()))
			.httpVersion(provider.getHttpVersion())
			.maxResponseSize(provider.getMaxResponseSize())
			.maxStreamSize(provider.getMaxStreamSize())
			.callTimeout(provider.getCallTimeout())
			.fallbackOn(provider.getFallbackOn().isEmpty() ? FallbackTrigger.values()
					: provider.getFallbackOn().toArray(new FallbackTrigger[0]))
			.cooldown(new CooldownPolicy(provider.getCooldown().getFailures(), provider.getCooldown().getWindow(),
					provider.getCooldown().getDuration()))
			.limits(toLimits(provider.getLimits()))
			.cost((cost) -> cost.pricing(toPricing(provider.getPricing())).budget(toBudget(provider.getBudget())))
			.connectionPool(toConnectionPool(provider.getPool()));
	}

	private static @Nullable ApiKeyPool toKeyPool(Provider provider) {
		List<String> keys = provider.getApiKeys();
		if (keys == null || keys.isEmpty()) {
			return null;
		}
		ChatProperties.KeyPool pool = provider.getKeyPool();
		return new ApiKeyPool(keys, pool.getSelection(), pool.getHeader(), pool.getCoolDown(), pool.getDisableFor());
	}

	private static Pricing toPricing(Map<String, ChatProperties.Price> pricing) {
		Map<String, ModelPrice> models = new LinkedHashMap<>();
		pricing.forEach((model, price) -> {
			Assert.state(price.getInput() != null && price.getOutput() != null, "pricing was not validated");
			models.put(model, new ModelPrice(price.getInput(), price.getOutput(), price.getCachedInput()));
		});
		return new Pricing(models);
	}

	static @Nullable Budget toBudget(ChatProperties.Budget budget) {
		return (budget.getLimit() != null) ? new Budget(budget.getLimit(), budget.getPeriod(), budget.getWhenExceeded())
				: null;
	}

	static ConnectionPoolSettings toConnectionPool(ChatProperties.Pool pool) {
		return new ConnectionPoolSettings(pool.getMaxConnections(), pool.getMaxPendingAcquires(),
				pool.getPendingAcquireTimeout(), pool.getMaxIdleTime(), pool.getMaxLifeTime());
	}

	static ProviderLimits toLimits(ChatProperties.Limits limits) {
		return new ProviderLimits(limits.getMaxConcurrentRequests(), limits.getRequestsPerMinute(),
				limits.getTokensPerMinute(), limits.getWhenExceeded(), limits.getMaxWait());
	}

	/**
	 * The transport of a provider: straight on Reactor Netty, or through a
	 * {@code WebClient} for {@code transport: web-client}; either secured by the
	 * provider's SSL bundle, if it has one.
	 * @param name the name of the provider, used to name its SSL bundle in errors
	 * @param provider the provider's properties, with its transport and SSL bundle
	 * @param beanFactory the bean factory the {@code WebClient.Builder} and the SSL
	 * bundles are looked up in
	 * @return the transport the provider's template sends its requests through
	 */
	private static ChatTransport transport(String name, Provider provider, ListableBeanFactory beanFactory) {
		UnaryOperator<HttpClient> ssl = sslBundle(name, provider, beanFactory);
		return (provider.getTransport() == Transport.WEB_CLIENT) ? WebClientTransports.create(beanFactory, ssl)
				: ReactorNettyTransport.create().customize(ssl);
	}

	/**
	 * Hand the builder the templates of the provider's fallbacks (the startup validation
	 * ruled out unknown names and cycles).
	 * @param provider the provider's properties, with the names of its fallbacks
	 * @param builder the builder of the provider's template
	 * @param beanFactory the bean factory the fallbacks' templates are looked up in
	 */
	private static void applyFallbacks(Provider provider, ChatTemplate.Builder builder,
			ListableBeanFactory beanFactory) {
		if (!provider.getFallback().isEmpty()) {
			builder.fallback(provider.getFallback()
				.stream()
				.map((name) -> beanFactory.getBean(name.trim(), ChatTemplate.class))
				.toArray(ChatTemplate[]::new));
		}
	}

	static ChatOptions toChatOptions(@Nullable String model, Options options) {
		String toolChoice = options.getToolChoice();
		return ChatOptions.builder()
			.model(StringUtils.hasText(model) ? model.trim() : null)
			.temperature(options.getTemperature())
			.topP(options.getTopP())
			.n(options.getN())
			.stop(options.getStop())
			.maxTokens(options.getMaxTokens())
			.maxCompletionTokens(options.getMaxCompletionTokens())
			.presencePenalty(options.getPresencePenalty())
			.frequencyPenalty(options.getFrequencyPenalty())
			.logitBias(options.getLogitBias())
			.user(options.getUser())
			.seed(options.getSeed())
			.logprobs(options.getLogprobs())
			.topLogprobs(options.getTopLogprobs())
			.reasoningEffort(options.getReasoningEffort())
			.toolChoice(StringUtils.hasText(toolChoice) ? ToolChoice.parse(toolChoice) : null)
			.parallelToolCalls(options.getParallelToolCalls())
			.extraBody(toJsonMap(options.getExtraBody()))
			.build();
	}

	static RetryPolicy toRetryPolicy(Retry retry) {
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxRetryAfter(), retry.getJitter());
	}

	static ProviderDialect toDialect(Dialect dialect) {
		return ProviderDialect.openAi()
			.mutate()
			.maxTokensField(dialect.getMaxTokensField())
			.streamUsage(dialect.isStreamUsage())
			.developerRole(dialect.isDeveloperRole())
			.assistantToolCallContent(dialect.getAssistantToolCallContent())
			.parallelToolCalls(dialect.isParallelToolCalls())
			.echoReasoningContent(dialect.isEchoReasoningContent())
			.structuredOutput(dialect.getStructuredOutput())
			.build();
	}

	/**
	 * Turn a bound {@code extra-body} map into JSON values: text that reads as
	 * {@code true}, {@code false} or a number becomes a boolean or number (property files
	 * and environment variables only have text), and maps with {@code 0}, {@code 1}...
	 * keys (how lists bind to {@code Object}) become lists.
	 * @param map the bound map
	 * @return the JSON-ready map
	 */
	static @Nullable Map<String, Object> toJsonMap(@Nullable Map<String, Object> map) {
		if (map == null) {
			return null;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(key, toJsonValue(value)));
		return result;
	}

	private static Object toJsonValue(Object value) {
		if (value instanceof String text) {
			return toJsonScalar(text);
		}
		if (value instanceof Map<?, ?> map) {
			return toJsonObjectOrArray(map);
		}
		if (value instanceof List<?> list) {
			List<Object> result = new ArrayList<>();
			list.forEach((element) -> result.add(toJsonValue(element)));
			return result;
		}
		return value;
	}

	private static Object toJsonObjectOrArray(Map<?, ?> map) {
		if (isBoundList(map)) {
			Map<Integer, Object> byIndex = new TreeMap<>();
			map.forEach((key, value) -> byIndex.put(Integer.valueOf(key.toString()), toJsonValue(value)));
			return new ArrayList<>(byIndex.values());
		}
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(key.toString(), toJsonValue(value)));
		return result;
	}

	private static boolean isBoundList(Map<?, ?> map) {
		if (map.isEmpty()) {
			return false;
		}
		for (int index = 0; index < map.size(); index++) {
			if (!map.containsKey(String.valueOf(index))) {
				return false;
			}
		}
		return true;
	}

	private static Object toJsonScalar(String text) {
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		if (INTEGER.matcher(text).matches()) {
			BigInteger number = new BigInteger(text);
			return (number.bitLength() < Long.SIZE) ? (Object) number.longValue() : number;
		}
		if (DECIMAL.matcher(text).matches()) {
			return new BigDecimal(text);
		}
		return text;
	}

	private static void applyTools(Provider provider, ChatProperties.Tools tools, ChatTemplate.Builder builder,
			ListableBeanFactory beanFactory) {
		beanFactory.getBeanProvider(ChatToolDiscoverer.class)
			.ifUnique((discoverer) -> builder.toolRegistry((Supplier<ToolRegistry>) discoverer));
		builder.defaultTools(provider.getTools().stream().map(String::trim).toArray(String[]::new))
			.toolExecution(toToolExecution(tools));
		beanFactory.getBeanProvider(ToolErrorConverter.class).ifUnique(builder::toolErrorConverter);
	}

	static ToolExecutionOptions toToolExecution(ChatProperties.Tools tools) {
		return new ToolExecutionOptions(tools.getMaxRounds(), tools.isReturnErrorsToModel(), tools.getTimeout(),
				tools.getMaxCallsPerRound(), tools.getMaxConcurrency());
	}

	private static UnaryOperator<HttpClient> sslBundle(String name, Provider provider,
			ListableBeanFactory beanFactory) {
		String bundleName = provider.getSslBundle();
		if (!StringUtils.hasText(bundleName)) {
			return UnaryOperator.identity();
		}
		String property = ChatProperties.PREFIX + ".providers." + name + ".ssl-bundle";
		SslBundles bundles = beanFactory.getBeanProvider(SslBundles.class).getIfAvailable();
		SslBundle bundle = null;
		try {
			bundle = (bundles != null) ? bundles.getBundle(bundleName.trim()) : null;
		}
		catch (NoSuchSslBundleException ex) {
			// reported below
		}
		if (bundle != null) {
			return new SslBundleHttpClientCustomizer(bundle, provider.getHttpVersion());
		}
		String known = (bundles != null) ? "the configured bundles are " + bundles.getBundleNames()
				: "the application has no SslBundles bean";
		String origin = new ChatPropertySources(beanFactory.getBean(Environment.class)).origin(property);
		throw new InvalidChatConfigurationException(List.of(new Problem(property, origin,
				property + " is '" + bundleName.trim() + "' but there is no SSL bundle of that name; " + known + ".",
				"Configure the bundle under spring.ssl.bundle.pem." + bundleName.trim() + " (or spring.ssl.bundle.jks."
						+ bundleName.trim() + "), or set " + property + " to one of the configured bundles.")));
	}

}
