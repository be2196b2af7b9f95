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
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.style.ToStringCreator;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.KeySelection;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.provider.ProviderDialect.AssistantToolCallContent;
import dev.chatstarter.core.provider.ProviderDialect.MaxTokensField;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.tool.ToolExecutionOptions;

/**
 * Configuration properties for chat providers: every entry under {@code chat.providers}
 * becomes a {@link dev.chatstarter.core.ChatTemplate} bean named after it.
 *
 * <pre class="code">
 * chat:
 *   default-provider: aigc
 *   providers:
 *     aigc:
 *       base-url: https://api2.aigcbest.top/v1
 *       api-key: ${AIGC_KEY}
 *       model: gpt-4o
 * </pre>
 *
 * Unknown property names under {@code chat} fail the application's startup. Every
 * duration takes a unit ({@code 500ms}, {@code 10s}); a bare number means seconds.
 * {@code chat.health}, {@code chat.observations} and {@code chat.web} belong to the
 * properties of those concerns, beside their auto-configurations; the strict binding of
 * these root properties at start-up leaves them to those.
 */
@ConfigurationProperties(prefix = ChatProperties.PREFIX)
public final class ChatProperties {

	/**
	 * The prefix of every chat property.
	 */
	public static final String PREFIX = "chat";

	/**
	 * Whether to create a ChatTemplate bean for each configured provider.
	 */
	private boolean enabled = true;

	/**
	 * Name of the provider, or route, whose ChatTemplate is the primary bean and the
	 * registry's default. Optional when exactly one provider is configured; required when
	 * there are several.
	 */
	private @Nullable String defaultProvider;

	/**
	 * Chat providers by name. Each becomes a ChatTemplate bean with the provider name as
	 * bean name and qualifier.
	 */
	private final Map<String, Provider> providers = new LinkedHashMap<>();

	/**
	 * Routes by name: groups of deployments (a provider and a model) that calls are
	 * spread over. Each becomes a ChatTemplate bean with the route name as bean name and
	 * qualifier.
	 */
	private final Map<String, ChatRouteProperties> routes = new LinkedHashMap<>();

	/**
	 * How the tool-call loop runs, for every provider.
	 */
	private final Tools tools = new Tools();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDefaultProvider() {
		return this.defaultProvider;
	}

	public void setDefaultProvider(@Nullable String defaultProvider) {
		this.defaultProvider = defaultProvider;
	}

	public Map<String, Provider> getProviders() {
		return this.providers;
	}

	public Map<String, ChatRouteProperties> getRoutes() {
		return this.routes;
	}

	public Tools getTools() {
		return this.tools;
	}

	/**
	 * Return the names of the {@code ChatTemplate} beans these properties define: the
	 * providers', then the routes', in the order they were configured.
	 * @return the names
	 */
	public List<String> templateNames() {
		List<String> names = new ArrayList<>(this.providers.keySet());
		this.routes.keySet().stream().filter((route) -> !this.providers.containsKey(route)).forEach(names::add);
		return names;
	}

	/**
	 * Determine the name of the default provider: {@link #getDefaultProvider()
	 * default-provider} when set, else the only provider.
	 * @return the name, or {@code null} when there is none or the choice is ambiguous
	 */
	public @Nullable String determineDefaultProvider() {
		if (StringUtils.hasText(this.defaultProvider)) {
			return this.defaultProvider.trim();
		}
		return (this.providers.size() == 1) ? this.providers.keySet().iterator().next() : null;
	}

	/**
	 * The settings of one provider.
	 */
	public static final class Provider {

		/**
		 * Base URL of the provider's API. https://host, https://host/ and https://host/v1
		 * all reach https://host/v1/...; a URL with another path (e.g.
		 * https://open.bigmodel.cn/api/paas/v4) is used as given.
		 */
		private @Nullable String baseUrl;

		/**
		 * API key, sent as "Authorization: Bearer ..."; no Authorization header is sent
		 * when it is not set (e.g. for local servers). Never logged and masked in
		 * actuator endpoints.
		 */
		private @Nullable String apiKey;

		/**
		 * Several API keys used in turn, in place of api-key: a rate-limited key cools
		 * down while the others serve, a rejected or exhausted key is taken out (see
		 * key-pool). Never logged and masked in actuator endpoints.
		 */
		private @Nullable List<String> apiKeys;

		/**
		 * How the keys of api-keys are used.
		 */
		private final KeyPool keyPool = new KeyPool();

		/**
		 * Model used when a call does not name one, e.g. gpt-4o.
		 */
		private @Nullable String model;

		/**
		 * Default request options; each call's options override them.
		 */
		private final Options options = new Options();

		/**
		 * Headers sent with every request, e.g. X-Team: search. Values of headers named
		 * like authorization, key or token are masked in actuator endpoints.
		 */
		private final Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * The provider's names for models, e.g. smart: gpt-4.1-2025-04-14: a call that
		 * names an alias sends the id it stands for (an alias may name another alias);
		 * other names pass through as model ids. Each provider of a fallback chain maps
		 * the model with its own aliases.
		 */
		private final Map<String, String> models = new LinkedHashMap<>();

		/**
		 * Longest wait to establish a connection.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Longest wait for the first byte of an answer.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration responseTimeout = Duration.ofSeconds(60);

		/**
		 * Longest silence between two chunks of a streamed answer (or two parts of a
		 * body) once it started. Only events with data count: a stream that sends nothing
		 * but keep-alive comments ends after this timeout. It bounds no total: see
		 * call-timeout.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration streamIdleTimeout = Duration.ofSeconds(120);

		/**
		 * Longest a whole call may take: every retry, fallback and tool round, and the
		 * whole of a stream. When it passes, the call is cancelled and fails with
		 * ChatTimeoutException. None by default, so that a long healthy stream is never
		 * cut; a call can set its own with PromptSpec.timeout(..).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration callTimeout;

		/**
		 * How failed calls are retried.
		 */
		private final Retry retry = new Retry();

		/**
		 * Switches for the provider's known differences from OpenAI's dialect.
		 */
		private final Dialect dialect = new Dialect();

		/**
		 * HTTP version: http-1-1 (HTTP/2 breaks several providers and relays) or http-2.
		 */
		private HttpVersion httpVersion = HttpVersion.HTTP_1_1;

		/**
		 * How requests are sent: reactor-netty (straight on Reactor Netty, the least work
		 * per request) or web-client (through a clone of Spring Boot's WebClient.Builder,
		 * so that the application's WebClient customizers, filters and HTTP client
		 * observations apply).
		 */
		private Transport transport = Transport.REACTOR_NETTY;

		/**
		 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) with the key and trust
		 * material for this provider, e.g. for a private CA or mutual TLS.
		 */
		private @Nullable String sslBundle;

		/**
		 * Names of @ChatTool tools offered to every call of this provider, e.g.
		 * [get_current_weather]. None by default: calls offer tools with tools(...).
		 */
		private final List<String> tools = new ArrayList<>();

		/**
		 * How the provider's health indicator checks it.
		 */
		private final ProviderHealth health = new ProviderHealth();

		/**
		 * Largest answer accepted: a whole JSON body, or one event of a stream. Larger
		 * answers fail as malformed.
		 */
		private DataSize maxResponseSize = DataSize.ofBytes(HttpSettings.DEFAULT_MAX_RESPONSE_BYTES);

		/**
		 * Largest total of one streamed answer: its text, reasoning, tool-call arguments
		 * and log probabilities, each choice and tool call counting a few bytes more. A
		 * larger stream is cancelled and fails with ChatResponseTooLargeException. Each
		 * round of a tool-call loop is one stream.
		 */
		private DataSize maxStreamSize = DataSize.ofBytes(HttpSettings.DEFAULT_MAX_STREAM_BYTES);

		/**
		 * Names of the providers a failed call falls back to, in order, e.g. [backup1,
		 * backup2].
		 */
		private final List<String> fallback = new ArrayList<>();

		/**
		 * Failures that send a call on to the next fallback: retryable, authentication,
		 * quota. All of them when not set.
		 */
		private final List<FallbackTrigger> fallbackOn = new ArrayList<>();

		/**
		 * When this provider cools down (is skipped by fallback chains) after repeated
		 * failures.
		 */
		private final Cooldown cooldown = new Cooldown();

		/**
		 * Client-side limits of this provider.
		 */
		private final Limits limits = new Limits();

		/**
		 * The connection pool of this provider.
		 */
		private final Pool pool = new Pool();

		/**
		 * Prices of this provider's models per million tokens, by model name as the
		 * provider reports it (names with dots in brackets, such as [gpt-4.1]), in the
		 * application's unit of money: each call's cost is on ChatResponse.cost() and in
		 * the chat.cost meter.
		 */
		private final Map<String, Price> pricing = new LinkedHashMap<>();

		/**
		 * How much this provider may spend per period, by its pricing; shared across
		 * replicas with chat.shared-state.store=redis.
		 */
		private final Budget budget = new Budget();

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public DataSize getMaxStreamSize() {
			return this.maxStreamSize;
		}

		public void setMaxStreamSize(DataSize maxStreamSize) {
			this.maxStreamSize = maxStreamSize;
		}

		public @Nullable Duration getCallTimeout() {
			return this.callTimeout;
		}

		public void setCallTimeout(@Nullable Duration callTimeout) {
			this.callTimeout = callTimeout;
		}

		public List<String> getFallback() {
			return this.fallback;
		}

		public List<FallbackTrigger> getFallbackOn() {
			return this.fallbackOn;
		}

		public Cooldown getCooldown() {
			return this.cooldown;
		}

		public Limits getLimits() {
			return this.limits;
		}

		public Pool getPool() {
			return this.pool;
		}

		public Map<String, Price> getPricing() {
			return this.pricing;
		}

		public Budget getBudget() {
			return this.budget;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public @Nullable List<String> getApiKeys() {
			return this.apiKeys;
		}

		public void setApiKeys(@Nullable List<String> apiKeys) {
			this.apiKeys = apiKeys;
		}

		public KeyPool getKeyPool() {
			return this.keyPool;
		}

		public Map<String, String> getModels() {
			return this.models;
		}

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public Options getOptions() {
			return this.options;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		public void setStreamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Dialect getDialect() {
			return this.dialect;
		}

		public HttpVersion getHttpVersion() {
			return this.httpVersion;
		}

		public void setHttpVersion(HttpVersion httpVersion) {
			this.httpVersion = httpVersion;
		}

		public Transport getTransport() {
			return this.transport;
		}

		public void setTransport(Transport transport) {
			this.transport = transport;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public List<String> getTools() {
			return this.tools;
		}

		public ProviderHealth getHealth() {
			return this.health;
		}

		@Override
		public String toString() {
			return new ToStringCreator(this)
				.append("baseUrl", (this.baseUrl != null) ? BaseUrl.redacted(this.baseUrl) : null)
				.append("apiKey", StringUtils.hasLength(this.apiKey) ? "******" : "(none)")
				.append("apiKeys", (this.apiKeys != null) ? this.apiKeys.size() + " keys" : "(none)")
				.append("model", this.model)
				.append("headers", this.headers.keySet())
				.append("connectTimeout", this.connectTimeout)
				.append("responseTimeout", this.responseTimeout)
				.append("streamIdleTimeout", this.streamIdleTimeout)
				.append("callTimeout", this.callTimeout)
				.append("httpVersion", this.httpVersion)
				.append("transport", this.transport)
				.append("sslBundle", this.sslBundle)
				.append("tools", this.tools)
				.append("fallback", this.fallback)
				.toString();
		}

	}

	/**
	 * How a provider's requests are sent.
	 */
	public enum Transport {

		/**
		 * Straight on Reactor Netty's {@code HttpClient}: no {@code WebClient} layer runs
		 * per request.
		 */
		REACTOR_NETTY,

		/**
		 * Through a {@code WebClient} cloned from Spring Boot's {@code WebClient.Builder}
		 * (or a plain one when the application has none), so that
		 * {@code WebClientCustomizer}s, filters and the {@code http.client.requests}
		 * observation apply.
		 */
		WEB_CLIENT

	}

	/**
	 * Default request options of a provider. Unset options are left out of the request.
	 */
	public static final class Options {

		/**
		 * Sampling temperature, 0 to 2.
		 */
		private @Nullable Double temperature;

		/**
		 * Nucleus sampling probability mass (top_p).
		 */
		private @Nullable Double topP;

		/**
		 * How many choices to generate.
		 */
		private @Nullable Integer n;

		/**
		 * Up to four stop sequences.
		 */
		private @Nullable List<String> stop;

		/**
		 * Output token limit, sent as max_tokens or max_completion_tokens as the
		 * dialect's max-tokens-field says.
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Output token limit including reasoning, always sent as max_completion_tokens.
		 */
		private @Nullable Integer maxCompletionTokens;

		/**
		 * Presence penalty, -2 to 2.
		 */
		private @Nullable Double presencePenalty;

		/**
		 * Frequency penalty, -2 to 2.
		 */
		private @Nullable Double frequencyPenalty;

		/**
		 * Bias per token id, -100 to 100 (logit_bias).
		 */
		private @Nullable Map<String, Integer> logitBias;

		/**
		 * End-user identifier for the provider's abuse monitoring.
		 */
		private @Nullable String user;

		/**
		 * Sampling seed.
		 */
		private @Nullable Long seed;

		/**
		 * Whether to return token log probabilities.
		 */
		private @Nullable Boolean logprobs;

		/**
		 * How many alternatives per token to return with logprobs.
		 */
		private @Nullable Integer topLogprobs;

		/**
		 * Reasoning effort: low, medium or high.
		 */
		private @Nullable String reasoningEffort;

		/**
		 * Tool choice: auto, none, required, or the name of the function the model must
		 * call.
		 */
		private @Nullable String toolChoice;

		/**
		 * Whether the model may call several tools in one turn (sent only with tools).
		 */
		private @Nullable Boolean parallelToolCalls;

		/**
		 * Provider-specific top-level fields added to every request body, e.g.
		 * enable_thinking. Use bracket notation for keys with characters other than
		 * letters, digits and dashes ("[enable_thinking]"). Values given as text that
		 * read as true, false or a number are sent as JSON booleans and numbers.
		 */
		private @Nullable Map<String, Object> extraBody;

		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		public void setTemperature(@Nullable Double temperature) {
			this.temperature = temperature;
		}

		public @Nullable Double getTopP() {
			return this.topP;
		}

		public void setTopP(@Nullable Double topP) {
			this.topP = topP;
		}

		public @Nullable Integer getN() {
			return this.n;
		}

		public void setN(@Nullable Integer n) {
			this.n = n;
		}

		public @Nullable List<String> getStop() {
			return this.stop;
		}

		public void setStop(@Nullable List<String> stop) {
			this.stop = (stop != null) ? new ArrayList<>(stop) : null;
		}

		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		public @Nullable Integer getMaxCompletionTokens() {
			return this.maxCompletionTokens;
		}

		public void setMaxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
		}

		public @Nullable Double getPresencePenalty() {
			return this.presencePenalty;
		}

		public void setPresencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
		}

		public @Nullable Double getFrequencyPenalty() {
			return this.frequencyPenalty;
		}

		public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
		}

		public @Nullable Map<String, Integer> getLogitBias() {
			return this.logitBias;
		}

		public void setLogitBias(@Nullable Map<String, Integer> logitBias) {
			this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
		}

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable Long getSeed() {
			return this.seed;
		}

		public void setSeed(@Nullable Long seed) {
			this.seed = seed;
		}

		public @Nullable Boolean getLogprobs() {
			return this.logprobs;
		}

		public void setLogprobs(@Nullable Boolean logprobs) {
			this.logprobs = logprobs;
		}

		public @Nullable Integer getTopLogprobs() {
			return this.topLogprobs;
		}

		public void setTopLogprobs(@Nullable Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
		}

		public @Nullable String getReasoningEffort() {
			return this.reasoningEffort;
		}

		public void setReasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
		}

		public @Nullable String getToolChoice() {
			return this.toolChoice;
		}

		public void setToolChoice(@Nullable String toolChoice) {
			this.toolChoice = toolChoice;
		}

		public @Nullable Boolean getParallelToolCalls() {
			return this.parallelToolCalls;
		}

		public void setParallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
		}

		public @Nullable Map<String, Object> getExtraBody() {
			return this.extraBody;
		}

		public void setExtraBody(@Nullable Map<String, Object> extraBody) {
			this.extraBody = (extraBody != null) ? new LinkedHashMap<>(extraBody) : null;
		}

	}

	/**
	 * How failed calls are retried: exponential backoff with jitter, the provider's
	 * Retry-After honoured up to a cap. Authentication, quota and bad-request errors are
	 * never retried; a stream only before its first chunk.
	 */
	public static final class Retry {

		/**
		 * Total number of attempts; 1 turns retries off.
		 */
		private int maxAttempts = RetryPolicy.defaults().maxAttempts();

		/**
		 * Wait before the first retry; doubled for each further retry.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration initialBackoff = RetryPolicy.defaults().initialBackoff();

		/**
		 * Longest computed wait between two attempts.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxBackoff = RetryPolicy.defaults().maxBackoff();

		/**
		 * Longest wait a provider's Retry-After header may ask for; a call asked to wait
		 * longer fails at once.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxRetryAfter = RetryPolicy.defaults().maxRetryAfter();

		/**
		 * Random spread applied to each computed wait, from 0 (none) to 1.
		 */
		private double jitter = RetryPolicy.defaults().jitter();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * When a provider cools down: after a number of consecutive failures within a window,
	 * fallback chains skip it for a while, then probe it with one call. Only retryable,
	 * authentication and quota failures count.
	 */
	public static final class Cooldown {

		/**
		 * Consecutive failures that start a cooldown.
		 */
		private int failures = CooldownPolicy.defaults().failures();

		/**
		 * How close together those failures must be.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration window = CooldownPolicy.defaults().window();

		/**
		 * How long the provider is skipped; 0 turns cooldowns off.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration duration = CooldownPolicy.defaults().duration();

		public int getFailures() {
			return this.failures;
		}

		public void setFailures(int failures) {
			this.failures = failures;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Duration getDuration() {
			return this.duration;
		}

		public void setDuration(Duration duration) {
			this.duration = duration;
		}

	}

	/**
	 * How a provider's api-keys are used: which key each request takes, and how long a
	 * key rests after the provider refused it.
	 */
	public static final class KeyPool {

		/**
		 * Which key a request takes: round-robin (each in turn), least-busy (the fewest
		 * requests in flight) or random.
		 */
		private KeySelection selection = KeySelection.ROUND_ROBIN;

		/**
		 * Header each key is sent in as it is, e.g. api-key; unset sends it as
		 * "Authorization: Bearer ...".
		 */
		private @Nullable String header;

		/**
		 * How long a rate-limited key rests when the provider sends no Retry-After.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration coolDown = ApiKeyPool.DEFAULT_COOL_DOWN;

		/**
		 * How long a key the provider rejects (401/403) or reports out of quota stays
		 * out; unset keeps it out until the application restarts.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration disableFor;

		public KeySelection getSelection() {
			return this.selection;
		}

		public void setSelection(KeySelection selection) {
			this.selection = selection;
		}

		public @Nullable String getHeader() {
			return this.header;
		}

		public void setHeader(@Nullable String header) {
			this.header = header;
		}

		public Duration getCoolDown() {
			return this.coolDown;
		}

		public void setCoolDown(Duration coolDown) {
			this.coolDown = coolDown;
		}

		public @Nullable Duration getDisableFor() {
			return this.disableFor;
		}

		public void setDisableFor(@Nullable Duration disableFor) {
			this.disableFor = disableFor;
		}

	}

	/**
	 * The prices of one model per million tokens.
	 */
	public static final class Price {

		/**
		 * Price of a million prompt tokens.
		 */
		private @Nullable BigDecimal input;

		/**
		 * Price of a million completion tokens, reasoning tokens included.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Price of a million prompt tokens served from the provider's cache; the input
		 * price when not set.
		 */
		private @Nullable BigDecimal cachedInput;

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

	}

	/**
	 * How much a provider may spend per period.
	 */
	public static final class Budget {

		/**
		 * Most the provider may spend per period, in the unit of money of its pricing. No
		 * budget when not set.
		 */
		private @Nullable BigDecimal limit;

		/**
		 * The budget's period, in UTC: day or month.
		 */
		private dev.chatstarter.core.cost.Budget.Period period = dev.chatstarter.core.cost.Budget.Period.MONTH;

		/**
		 * What a call does once the budget is spent: fail (ChatBudgetExceededException)
		 * or fallback (to the provider's fallbacks).
		 */
		private dev.chatstarter.core.cost.Budget.Action whenExceeded = dev.chatstarter.core.cost.Budget.Action.FAIL;

		public @Nullable BigDecimal getLimit() {
			return this.limit;
		}

		public void setLimit(@Nullable BigDecimal limit) {
			this.limit = limit;
		}

		public dev.chatstarter.core.cost.Budget.Period getPeriod() {
			return this.period;
		}

		public void setPeriod(dev.chatstarter.core.cost.Budget.Period period) {
			this.period = period;
		}

		public dev.chatstarter.core.cost.Budget.Action getWhenExceeded() {
			return this.whenExceeded;
		}

		public void setWhenExceeded(dev.chatstarter.core.cost.Budget.Action whenExceeded) {
			this.whenExceeded = whenExceeded;
		}

	}

	/**
	 * Client-side limits of a provider, checked before a request is sent; 0 turns a limit
	 * off.
	 */
	public static final class Limits {

		/**
		 * Most requests in flight at once; a stream is in flight until it ends. 0 for no
		 * limit.
		 */
		private int maxConcurrentRequests;

		/**
		 * Most requests started within any 60 seconds. 0 for no limit.
		 */
		private int requestsPerMinute;

		/**
		 * Most tokens, as reported by the provider's usage, used within any 60 seconds. 0
		 * for no limit.
		 */
		private long tokensPerMinute;

		/**
		 * What happens to a call over a limit: fail (at once, with
		 * ChatLimitExceededException) or queue (wait up to max-wait).
		 */
		private ProviderLimits.Mode whenExceeded = ProviderLimits.Mode.FAIL;

		/**
		 * Longest wait for room when when-exceeded is queue.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxWait = Duration.ofSeconds(30);

		public int getMaxConcurrentRequests() {
			return this.maxConcurrentRequests;
		}

		public void setMaxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
		}

		public int getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(int requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		public long getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		public void setTokensPerMinute(long tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

		public ProviderLimits.Mode getWhenExceeded() {
			return this.whenExceeded;
		}

		public void setWhenExceeded(ProviderLimits.Mode whenExceeded) {
			this.whenExceeded = whenExceeded;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * The connection pool of a provider. Every call or stream in flight holds one
	 * connection, so the pool grows with the application's concurrency; cap concurrency
	 * deliberately with the limits instead.
	 */
	public static final class Pool {

		/**
		 * Most connections open at once.
		 */
		private int maxConnections = ConnectionPoolSettings.DEFAULT_MAX_CONNECTIONS;

		/**
		 * Most callers waiting for a connection while all are busy; -1 for no limit.
		 */
		private int maxPendingAcquires = -1;

		/**
		 * Longest wait for a connection while all are busy.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration pendingAcquireTimeout = ConnectionPoolSettings.DEFAULT_PENDING_ACQUIRE_TIMEOUT;

		/**
		 * How long an idle connection is kept; keep it below the provider's keep-alive
		 * timeout.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxIdleTime = ConnectionPoolSettings.DEFAULT_MAX_IDLE_TIME;

		/**
		 * How long a connection is used at most; unset for no limit.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration maxLifeTime;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public @Nullable Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(@Nullable Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

	}

	/**
	 * Switches for the known differences between OpenAI-compatible servers; the defaults
	 * speak OpenAI's own dialect.
	 */
	public static final class Dialect {

		/**
		 * Field that carries options.max-tokens: max-tokens (understood by nearly every
		 * server) or max-completion-tokens (OpenAI o-series and gpt-5 models).
		 */
		private MaxTokensField maxTokensField = ProviderDialect.openAi().maxTokensField();

		/**
		 * Whether streams ask for usage with stream_options.include_usage. Turn off for
		 * servers that reject stream_options (Groq, Mistral, older Azure versions).
		 */
		private boolean streamUsage = ProviderDialect.openAi().streamUsage();

		/**
		 * Whether the developer role is accepted; when not, developer messages are sent
		 * as system messages (DeepSeek, Qwen and Zhipu reject it).
		 */
		private boolean developerRole = ProviderDialect.openAi().developerRole();

		/**
		 * How an assistant message with tool calls and no text carries its content: null
		 * (OpenAI), empty ("") or omit (no content key).
		 */
		private AssistantToolCallContent assistantToolCallContent = ProviderDialect.openAi().assistantToolCallContent();

		/**
		 * Whether parallel_tool_calls is accepted; when not, it is never sent (OpenAI
		 * o-series reject it).
		 */
		private boolean parallelToolCalls = ProviderDialect.openAi().parallelToolCalls();

		/**
		 * Whether assistant messages in the history send their reasoning back as
		 * reasoning_content (DeepSeek thinking mode and Kimi need it; DeepSeek R1 rejects
		 * it).
		 */
		private boolean echoReasoningContent = ProviderDialect.openAi().echoReasoningContent();

		/**
		 * How structured output is requested: json-schema (response_format json_schema),
		 * json-object (response_format json_object plus the schema in the prompt) or
		 * prompt (the schema in the prompt only).
		 */
		private StructuredOutputMode structuredOutput = ProviderDialect.openAi().structuredOutput();

		public MaxTokensField getMaxTokensField() {
			return this.maxTokensField;
		}

		public void setMaxTokensField(MaxTokensField maxTokensField) {
			this.maxTokensField = maxTokensField;
		}

		public boolean isStreamUsage() {
			return this.streamUsage;
		}

		public void setStreamUsage(boolean streamUsage) {
			this.streamUsage = streamUsage;
		}

		public boolean isDeveloperRole() {
			return this.developerRole;
		}

		public void setDeveloperRole(boolean developerRole) {
			this.developerRole = developerRole;
		}

		public AssistantToolCallContent getAssistantToolCallContent() {
			return this.assistantToolCallContent;
		}

		public void setAssistantToolCallContent(AssistantToolCallContent assistantToolCallContent) {
			this.assistantToolCallContent = assistantToolCallContent;
		}

		public boolean isParallelToolCalls() {
			return this.parallelToolCalls;
		}

		public void setParallelToolCalls(boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
		}

		public boolean isEchoReasoningContent() {
			return this.echoReasoningContent;
		}

		public void setEchoReasoningContent(boolean echoReasoningContent) {
			this.echoReasoningContent = echoReasoningContent;
		}

		public StructuredOutputMode getStructuredOutput() {
			return this.structuredOutput;
		}

		public void setStructuredOutput(StructuredOutputMode structuredOutput) {
			this.structuredOutput = structuredOutput;
		}

	}

	/**
	 * How the tool-call loop runs.
	 */
	public static final class Tools {

		/**
		 * Most model round trips that may ask for tools before the call fails, so the
		 * loop never runs forever.
		 */
		private int maxRounds = ToolExecutionOptions.defaults().maxRounds();

		/**
		 * Whether a failing tool (it threw, its arguments did not fit, it is unknown, it
		 * timed out) sends its error back to the model as the tool result; when false the
		 * call fails with a ToolExecutionException.
		 */
		private boolean returnErrorsToModel = ToolExecutionOptions.defaults().returnErrorsToModel();

		/**
		 * Longest a single tool execution may take.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = ToolExecutionOptions.defaults().timeout();

		/**
		 * Most tool calls one model turn may ask for; a turn asking for more fails the
		 * call with a ToolLimitExceededException before any of its tools runs.
		 */
		private int maxCallsPerRound = ToolExecutionOptions.defaults().maxCallsPerRound();

		/**
		 * Most tool executions of one call that run at once; the other calls of the turn
		 * wait for a free slot.
		 */
		private int maxConcurrency = ToolExecutionOptions.defaults().maxConcurrency();

		public int getMaxRounds() {
			return this.maxRounds;
		}

		public void setMaxRounds(int maxRounds) {
			this.maxRounds = maxRounds;
		}

		public boolean isReturnErrorsToModel() {
			return this.returnErrorsToModel;
		}

		public void setReturnErrorsToModel(boolean returnErrorsToModel) {
			this.returnErrorsToModel = returnErrorsToModel;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxCallsPerRound() {
			return this.maxCallsPerRound;
		}

		public void setMaxCallsPerRound(int maxCallsPerRound) {
			this.maxCallsPerRound = maxCallsPerRound;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

	}

	/**
	 * How one provider's health indicator checks it.
	 */
	public static final class ProviderHealth {

		/**
		 * How the provider is probed: models (GET /v1/models, free), chat (a one-token
		 * completion, for providers without a model list) or none (reported UNKNOWN,
		 * never called).
		 */
		private ChatHealthProbe probe = ChatHealthProbe.MODELS;

		public ChatHealthProbe getProbe() {
			return this.probe;
		}

		public void setProbe(ChatHealthProbe probe) {
			this.probe = probe;
		}

	}

}
