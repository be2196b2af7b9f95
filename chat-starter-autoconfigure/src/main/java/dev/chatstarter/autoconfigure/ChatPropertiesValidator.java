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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

import dev.chatstarter.autoconfigure.ChatProperties.Provider;
import dev.chatstarter.autoconfigure.ChatProperties.Retry;
import dev.chatstarter.autoconfigure.ChatProperties.Transport;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.model.ModelAliases;
import dev.chatstarter.core.tool.ToolExecutionOptions;

/**
 * Checks bound {@link ChatProperties} for the mistakes that would otherwise surface only
 * at the first call.
 */
final class ChatPropertiesValidator {

	private static final Logger logger = LoggerFactory.getLogger(ChatPropertiesValidator.class);

	private static final String DEFAULT_PROVIDER = ChatProperties.PREFIX + ".default-provider";

	/**
	 * A {@code ${NAME}} or {@code ${NAME:default}} that Spring left as it was because
	 * nothing resolves it.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

	/**
	 * A variable name that is safe to repeat in a message (never a pasted secret).
	 */
	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");

	/**
	 * Paths of endpoints the starter appends to a base URL, which a base URL must
	 * therefore not end with.
	 */
	private static final List<String> ENDPOINT_PATHS = List.of("/chat/completions", "/completions", "/models");

	private final boolean webClientPresent;

	private final ChatPropertyProblems problems;

	/**
	 * Create a validator.
	 * @param origins returns where a property was set (file and line), or {@code null}
	 * @param webClientPresent whether Spring WebFlux's {@code WebClient} is on the class
	 * path, which {@code transport: web-client} needs
	 */
	ChatPropertiesValidator(Function<String, @Nullable String> origins, boolean webClientPresent) {
		this.problems = new ChatPropertyProblems(origins);
		this.webClientPresent = webClientPresent;
	}

	/**
	 * Validate the properties.
	 * @param properties the bound properties
	 * @throws InvalidChatConfigurationException listing every problem found
	 */
	void validate(ChatProperties properties) {
		properties.getProviders().forEach(this::validateProvider);
		validateTools(properties.getTools());
		validateDefaultProvider(properties);
		validateFallbacks(properties.getProviders());
		new ChatRoutesValidator(this.problems).validate(properties);
		this.problems.throwIfAny();
	}

	private void validateDefaultProvider(ChatProperties properties) {
		Set<String> names = properties.getProviders().keySet();
		String defaultProvider = properties.getDefaultProvider();
		if (StringUtils.hasText(defaultProvider)) {
			if (!names.contains(defaultProvider.trim())
					&& !properties.getRoutes().containsKey(defaultProvider.trim())) {
				String known = names.isEmpty() ? "no providers are configured"
						: "the configured providers are " + names;
				String choice = names.isEmpty() ? "" : "Set " + DEFAULT_PROVIDER + " to one of " + names + ", or ";
				this.problems.add(DEFAULT_PROVIDER,
						DEFAULT_PROVIDER + " is '" + defaultProvider.trim()
								+ "' but there is no provider or route of that name; " + known + ".",
						(choice.isEmpty() ? "A" : choice + "a") + "dd the provider under " + ChatProperties.PREFIX
								+ ".providers." + defaultProvider.trim() + " (base-url, api-key, model).");
			}
		}
		else if (names.size() > 1) {
			this.problems.add(DEFAULT_PROVIDER,
					names.size() + " providers are configured " + names + " but " + DEFAULT_PROVIDER
							+ " is not set, so no ChatTemplate can be the primary bean.",
					"Set " + DEFAULT_PROVIDER + " to one of " + names + ".");
		}
	}

	private void validateTools(ChatProperties.Tools tools) {
		String prefix = ChatProperties.PREFIX + ".tools.";
		if (tools.getMaxRounds() < 1) {
			this.problems.add(prefix + "max-rounds",
					prefix + "max-rounds is " + tools.getMaxRounds()
							+ " but the tool-call loop needs at least one round.",
					"Set " + prefix + "max-rounds to 1 or more (the default is 10), or remove it.");
		}
		this.problems.requirePositive(prefix + "timeout", tools.getTimeout(), "60s");
		validateAtLeastOne(prefix + "max-calls-per-round", tools.getMaxCallsPerRound(),
				ToolExecutionOptions.DEFAULT_MAX_CALLS_PER_ROUND, "a model turn");
		validateAtLeastOne(prefix + "max-concurrency", tools.getMaxConcurrency(),
				ToolExecutionOptions.DEFAULT_MAX_CONCURRENCY, "a call");
	}

	private void validateAtLeastOne(String property, int value, int defaultValue, String scope) {
		if (value < 1) {
			this.problems.add(property,
					property + " is " + value + " but " + scope + " must be able to run at least one tool call.",
					"Set " + property + " to 1 or more (the default is " + defaultValue + "), or remove it.");
		}
	}

	private void validateProvider(String name, Provider provider) {
		String prefix = ChatProperties.PREFIX + ".providers." + name + ".";
		if (!validateResolved(prefix + "base-url", prefix + "base-url", provider.getBaseUrl())) {
			validateBaseUrl(prefix + "base-url", provider.getBaseUrl());
		}
		validateResolved(prefix + "api-key", prefix + "api-key", provider.getApiKey());
		validateKeyPool(prefix, provider);
		validateModelAliases(prefix + "models", provider.getModels());
		validateResolved(prefix + "model", prefix + "model", provider.getModel());
		provider.getHeaders()
			.forEach((header, value) -> validateResolved(prefix + "headers." + header, prefix + "headers." + header,
					value));
		this.problems.requirePositive(prefix + "connect-timeout", provider.getConnectTimeout(), "10s");
		this.problems.requirePositive(prefix + "response-timeout", provider.getResponseTimeout(), "60s");
		this.problems.requirePositive(prefix + "stream-idle-timeout", provider.getStreamIdleTimeout(), "120s");
		validateCallTimeout(prefix, provider);
		validateRetry(prefix + "retry.", provider.getRetry());
		validateOptions(prefix + "options.", provider.getOptions());
		validateResilience(prefix, provider);
		validateTransport(prefix + "transport", provider.getTransport());
	}

	private void validateKeyPool(String prefix, Provider provider) {
		List<String> keys = provider.getApiKeys();
		if (keys == null) {
			return;
		}
		String property = prefix + "api-keys";
		if (StringUtils.hasText(provider.getApiKey())) {
			this.problems.add(property, prefix + "api-key and " + property + " are both set.",
					"Keep one of them: " + prefix + "api-key for one key, " + property + " for a pool of keys.");
		}
		if (keys.isEmpty()) {
			this.problems.add(property, property + " is an empty list, so the provider has no key to send.",
					"List at least one key under " + property + ", or remove it (and set " + prefix
							+ "api-key, or no key for a local server).");
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			String item = property + "[" + i + "]";
			if (!StringUtils.hasText(key)) {
				this.problems.add(item, item + " is blank.", "Give " + item + " a key, or remove it from the list.");
			}
			else if (!validateResolved(item, item, key) && !seen.add(key.strip())) {
				this.problems.add(item, item + " repeats an earlier key of the pool.",
						"List each key once under " + property + ".");
			}
		}
		String header = provider.getKeyPool().getHeader();
		if (header != null && !StringUtils.hasText(header)) {
			this.problems.add(prefix + "key-pool.header", prefix + "key-pool.header is blank.",
					"Name the header the keys are sent in (e.g. api-key), or remove it to send them as bearer tokens.");
		}
		this.problems.requireNotNegative(prefix + "key-pool.cool-down", provider.getKeyPool().getCoolDown(), "10s");
		Duration disableFor = provider.getKeyPool().getDisableFor();
		if (disableFor != null && (disableFor.isNegative() || disableFor.isZero())) {
			this.problems.add(prefix + "key-pool.disable-for",
					prefix + "key-pool.disable-for is " + disableFor + " but must be a positive duration.",
					"Set " + prefix + "key-pool.disable-for to a positive duration such as 1h, or remove it to keep a "
							+ "rejected key out until restart.");
		}
	}

	private void validateModelAliases(String property, Map<String, String> aliases) {
		Set<String> reported = new HashSet<>();
		aliases.forEach((alias, id) -> {
			if (!StringUtils.hasText(id)) {
				this.problems.add(property + "." + alias, property + "." + alias + " is blank.",
						"Give the alias the provider's model id (e.g. gpt-4o-mini), or remove it.");
				return;
			}
			List<String> cycle = ModelAliases.cycleFrom(aliases, alias);
			if (cycle != null && reported.add(String.join(",", new TreeSet<>(cycle)))) {
				this.problems.add(property + "." + alias,
						property + " form a cycle: " + String.join(" -> ", cycle) + ", so no model id ends it.",
						"Make one alias of the cycle name the provider's model id instead of another alias.");
			}
		});
	}

	private void validateTransport(String property, Transport transport) {
		if (transport == Transport.WEB_CLIENT && !this.webClientPresent) {
			this.problems.add(property,
					property + " is web-client but Spring WebFlux's WebClient is not on the class path.",
					"Add org.springframework.boot:spring-boot-starter-webclient (or spring-boot-starter-webflux) to "
							+ "the application's dependencies, or remove " + property
							+ " to send straight on Reactor Netty (the default).");
		}
	}

	/**
	 * Spring Boot's binder leaves a placeholder that nothing resolves as it is, so
	 * without this check {@code api-key: ${MISSING_KEY}} would send the text
	 * {@code ${MISSING_KEY}} to the provider. The report names the variables only, never
	 * the value.
	 * @param property the property, reported as written
	 * @param originKey the name its origin is looked up under
	 * @param value the bound value, or {@code null} when unset
	 * @return whether the value has an unresolved placeholder
	 */
	private boolean validateResolved(String property, String originKey, @Nullable String value) {
		if (value == null || !value.contains("${")) {
			return false;
		}
		Set<String> variables = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(value);
		while (matcher.find()) {
			String name = matcher.group(1).trim();
			variables.add(VARIABLE_NAME.matcher(name).matches() ? name : "?");
		}
		String first = variables.isEmpty() ? "?" : variables.iterator().next();
		String named = variables.stream().map((name) -> "${" + name + "}").reduce((a, b) -> a + ", " + b).orElse("${");
		this.problems.add(property, originKey,
				property + " refers to " + named + " but " + ((variables.size() > 1) ? "these are" : "it is")
						+ " not set: there is no environment variable or property of that name.",
				"Set the environment variable " + String.join(", ", variables) + " before starting the application, or "
						+ "write ${" + first + ":} if " + property + " may be empty.");
		return true;
	}

	/**
	 * A call timeout must be positive. One not longer than the response timeout is
	 * allowed (a hard bound on every call is a fair wish) but logged: the response
	 * timeout then never fires and a call that waits for its first byte uses up the whole
	 * deadline, leaving no time for a retry or a fallback.
	 * @param prefix the provider's property prefix, e.g. {@code chat.providers.aigc.}
	 * @param provider the provider's properties
	 */
	private void validateCallTimeout(String prefix, Provider provider) {
		Duration callTimeout = provider.getCallTimeout();
		if (callTimeout == null) {
			return;
		}
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			this.problems.add(prefix + "call-timeout",
					prefix + "call-timeout is " + ChatPropertyProblems.describe(callTimeout)
							+ " but must be a positive duration.",
					"Set " + prefix + "call-timeout to a positive duration such as 10m, or remove it for no limit.");
		}
		else if (provider.getResponseTimeout() != null && callTimeout.compareTo(provider.getResponseTimeout()) <= 0) {
			logger.warn("{}call-timeout ({}) is not longer than {}response-timeout ({}): a call that waits for its "
					+ "first byte uses up the whole deadline and is never retried nor sent to a fallback. Raise "
					+ "{}call-timeout above the response timeout if retries should have time to run.", prefix,
					ChatPropertyProblems.print(callTimeout), prefix,
					ChatPropertyProblems.print(provider.getResponseTimeout()), prefix);
		}
	}

	private void validateResilience(String prefix, Provider provider) {
		if (provider.getMaxResponseSize() == null || provider.getMaxResponseSize().toBytes() < 1
				|| provider.getMaxResponseSize().toBytes() > Integer.MAX_VALUE - 8) {
			this.problems.add(prefix + "max-response-size",
					prefix + "max-response-size is " + provider.getMaxResponseSize()
							+ " but must be between 1B and 2GB.",
					"Set " + prefix + "max-response-size to a size such as 16MB (the default), or remove it.");
		}
		if (provider.getMaxStreamSize() == null || provider.getMaxStreamSize().toBytes() < 1) {
			this.problems.add(prefix + "max-stream-size",
					prefix + "max-stream-size is " + provider.getMaxStreamSize() + " but must be positive.",
					"Set " + prefix + "max-stream-size to a size such as 16MB (the default), or remove it.");
		}
		ChatProperties.Cooldown cooldown = provider.getCooldown();
		if (cooldown.getFailures() < 1) {
			this.problems.add(prefix + "cooldown.failures",
					prefix + "cooldown.failures is " + cooldown.getFailures() + " but must be at least 1.",
					"Set " + prefix + "cooldown.failures to 1 or more (default 3).");
		}
		this.problems.requirePositive(prefix + "cooldown.window", cooldown.getWindow(), "60s");
		this.problems.requireNotNegative(prefix + "cooldown.duration", cooldown.getDuration(), "5s");
		validateLimits(this.problems, prefix + "limits.", provider.getLimits());
		validatePool(prefix + "pool.", provider.getPool());
		validateCost(prefix, provider);
	}

	private void validateCost(String prefix, Provider provider) {
		provider.getPricing().forEach((model, price) -> {
			String property = prefix + "pricing[" + model + "].";
			validatePrice(property + "input", price.getInput(), true);
			validatePrice(property + "output", price.getOutput(), true);
			validatePrice(property + "cached-input", price.getCachedInput(), false);
		});
		validateBudget(this.problems, prefix, provider.getBudget(), !provider.getPricing().isEmpty(),
				"the provider has no pricing", "Price its models under " + prefix
						+ "pricing.<model> (input, output, cached-input per million tokens), or remove the budget.");
	}

	/**
	 * Check a budget, of a provider or of a route.
	 * @param problems collects the problems
	 * @param prefix the prefix of the budget's owner, such as
	 * {@code chat.providers.aigc.}
	 * @param budget the budget
	 * @param priced whether the owner's calls have prices
	 * @param unpriced why they have none, for the report
	 * @param pricingAction what to do about it
	 */
	static void validateBudget(ChatPropertyProblems problems, String prefix, ChatProperties.Budget budget,
			boolean priced, String unpriced, String pricingAction) {
		BigDecimal limit = budget.getLimit();
		if (limit == null) {
			return;
		}
		if (limit.signum() <= 0) {
			problems.add(prefix + "budget.limit",
					prefix + "budget.limit is " + limit.toPlainString() + " but must be positive.",
					"Set " + prefix + "budget.limit to the most that may be spent per "
							+ budget.getPeriod().name().toLowerCase(Locale.ROOT) + ", or remove it.");
		}
		else if (!priced) {
			problems.add(prefix + "budget.limit",
					prefix + "budget.limit is set but " + unpriced + ", so its calls cost nothing.", pricingAction);
		}
	}

	private void validatePrice(String property, @Nullable BigDecimal price, boolean required) {
		if (price == null && required) {
			this.problems.add(property, property + " is not set.",
					"Set " + property + " to the price of a million tokens, such as 2.5.");
		}
		else if (price != null && price.signum() < 0) {
			this.problems.add(property, property + " is " + price.toPlainString() + " but must not be negative.",
					"Set " + property + " to the price of a million tokens, or 0.");
		}
	}

	private void validatePool(String prefix, ChatProperties.Pool pool) {
		if (pool.getMaxConnections() < 1) {
			this.problems.add(prefix + "max-connections",
					prefix + "max-connections is " + pool.getMaxConnections() + " but must be at least 1.",
					"Set " + prefix + "max-connections to 1 or more (default "
							+ ConnectionPoolSettings.DEFAULT_MAX_CONNECTIONS + "), or remove it.");
		}
		if (pool.getMaxPendingAcquires() == 0 || pool.getMaxPendingAcquires() < -1) {
			this.problems.add(prefix + "max-pending-acquires",
					prefix + "max-pending-acquires is " + pool.getMaxPendingAcquires()
							+ " but must be positive, or -1 for no limit.",
					"Set " + prefix + "max-pending-acquires to -1 (the default) or a positive number.");
		}
		this.problems.requirePositive(prefix + "pending-acquire-timeout", pool.getPendingAcquireTimeout(), "60s");
		this.problems.requirePositive(prefix + "max-idle-time", pool.getMaxIdleTime(), "30s");
		Duration maxLifeTime = pool.getMaxLifeTime();
		if (maxLifeTime != null && (maxLifeTime.isNegative() || maxLifeTime.isZero())) {
			this.problems.add(prefix + "max-life-time",
					prefix + "max-life-time is " + ChatPropertyProblems.describe(maxLifeTime)
							+ " but must be a positive duration.",
					"Set " + prefix + "max-life-time to a positive duration such as 10m, or remove it for no limit.");
		}
	}

	/**
	 * Check client-side limits, of a provider or of a route deployment.
	 * @param problems collects the problems
	 * @param prefix the limits' prefix, such as {@code chat.providers.aigc.limits.}
	 * @param limits the limits
	 */
	static void validateLimits(ChatPropertyProblems problems, String prefix, ChatProperties.Limits limits) {
		validateNotNegative(problems, prefix + "max-concurrent-requests", limits.getMaxConcurrentRequests());
		validateNotNegative(problems, prefix + "requests-per-minute", limits.getRequestsPerMinute());
		validateNotNegative(problems, prefix + "tokens-per-minute", limits.getTokensPerMinute());
		problems.requireNotNegative(prefix + "max-wait", limits.getMaxWait(), "30s");
	}

	private static void validateNotNegative(ChatPropertyProblems problems, String property, long value) {
		if (value < 0) {
			problems.add(property, property + " is " + value + " but must not be negative.",
					"Set " + property + " to 0 (no limit) or a positive number.");
		}
	}

	/**
	 * Every fallback must name another configured provider, and following fallbacks must
	 * never lead back to where it started.
	 * @param providers the configured providers by name
	 */
	private void validateFallbacks(Map<String, Provider> providers) {
		Set<String> names = providers.keySet();
		providers.forEach((name, provider) -> {
			String property = ChatProperties.PREFIX + ".providers." + name + ".fallback";
			for (int index = 0; index < provider.getFallback().size(); index++) {
				String fallback = provider.getFallback().get(index);
				String target = (fallback != null) ? fallback.trim() : "";
				String element = property + "[" + index + "]";
				if (target.equals(name)) {
					this.problems.add(property, element, property + " names the provider itself ('" + name + "').",
							"Remove '" + name + "' from " + property + ".");
				}
				else if (!names.contains(target)) {
					this.problems.add(property, element,
							property + " names '" + target + "' but there is no provider of that name; the "
									+ "configured providers are " + names + ".",
							"Use names from " + names + " in " + property + ", or add the provider under "
									+ ChatProperties.PREFIX + ".providers." + target + ".");
				}
			}
		});
		Set<List<String>> cycles = new LinkedHashSet<>();
		for (String start : names) {
			List<String> cycle = findCycle(start, providers, new ArrayList<>());
			if (cycle != null) {
				cycles.add(normalized(cycle));
			}
		}
		for (List<String> cycle : cycles) {
			String property = ChatProperties.PREFIX + ".providers." + cycle.get(0) + ".fallback";
			this.problems.add(property, "The fallbacks form a cycle: " + String.join(" -> ", cycle) + ".",
					"Remove one of the fallbacks of " + cycle.subList(0, cycle.size() - 1)
							+ " so that no chain leads back to where it started.");
		}
	}

	/**
	 * Rotate a cycle ({@code a -> b -> a}) to start at its smallest name, so each cycle
	 * is reported once.
	 * @param cycle the names of the cycle, first and last the same
	 * @return the cycle starting and ending at its smallest name
	 */
	private static List<String> normalized(List<String> cycle) {
		List<String> members = cycle.subList(0, cycle.size() - 1);
		int start = members.indexOf(members.stream().min(String::compareTo).orElseThrow());
		List<String> result = new ArrayList<>(members.subList(start, members.size()));
		result.addAll(members.subList(0, start));
		result.add(result.get(0));
		return result;
	}

	private static @Nullable List<String> findCycle(String name, Map<String, Provider> providers, List<String> path) {
		if (path.contains(name)) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
			cycle.add(name);
			return cycle;
		}
		Provider provider = providers.get(name);
		if (provider == null) {
			return null;
		}
		path.add(name);
		for (String fallback : provider.getFallback()) {
			String target = (fallback != null) ? fallback.trim() : "";
			if (!target.equals(name)) {
				List<String> cycle = findCycle(target, providers, path);
				if (cycle != null) {
					return cycle;
				}
			}
		}
		path.remove(path.size() - 1);
		return null;
	}

	private void validateBaseUrl(String property, @Nullable String baseUrl) {
		String example = "the provider's API URL, e.g. https://api.openai.com/v1";
		if (!StringUtils.hasText(baseUrl)) {
			this.problems.add(property, property + " is not set.", "Set " + property + " to " + example + ".");
			return;
		}
		String shown = withoutUserInfo(baseUrl.trim());
		try {
			URI uri = new URI(baseUrl.trim());
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				this.problems.add(property, property + " is '" + shown + "', which is not an http or https URL.",
						"Set " + property + " to " + example + ".");
			}
			else if (!StringUtils.hasText(uri.getHost())) {
				this.problems.add(property, property + " is '" + shown + "', which has no host name.",
						"Set " + property + " to " + example + ".");
			}
			else {
				validateNotAnEndpoint(property, uri);
			}
		}
		catch (URISyntaxException ex) {
			this.problems.add(property, property + " is '" + shown + "', which is not a valid URL: " + ex.getReason()
					+ " at index " + ex.getIndex() + ".", "Set " + property + " to " + example + ".");
		}
	}

	/**
	 * The starter appends {@code /chat/completions} (and {@code /models} for health) to
	 * the base URL, so a base URL pasted as the full endpoint would call
	 * {@code .../chat/completions/chat/completions}. It fails rather than being cut
	 * silently: the configuration then means what it says, everywhere it is shown.
	 * @param property the base URL's property
	 * @param uri the parsed base URL
	 */
	private void validateNotAnEndpoint(String property, URI uri) {
		String path = (uri.getPath() != null) ? uri.getPath().replaceAll("/+$", "") : "";
		for (String endpoint : ENDPOINT_PATHS) {
			if (path.endsWith(endpoint)) {
				String redacted = BaseUrl.redacted(uri.toString()).replaceAll("/+$", "");
				String base = redacted.substring(0, redacted.length() - endpoint.length());
				this.problems.add(property, property + " is '" + redacted + "', which ends in " + endpoint
						+ ": that is an endpoint, not the base URL. The starter adds /chat/completions (and /models "
						+ "for the health check) to the base URL itself.",
						"Set " + property + " to '" + base + "' (the URL without " + endpoint + ").");
				return;
			}
		}
	}

	private void validateRetry(String prefix, Retry retry) {
		if (retry.getMaxAttempts() < 1) {
			this.problems.add(prefix + "max-attempts",
					prefix + "max-attempts is " + retry.getMaxAttempts() + " but must be at least 1.",
					"Set " + prefix + "max-attempts to 1 to turn retries off, or higher to retry (default 3).");
		}
		this.problems.requireNotNegative(prefix + "initial-backoff", retry.getInitialBackoff(), "500ms");
		this.problems.requireNotNegative(prefix + "max-backoff", retry.getMaxBackoff(), "8s");
		this.problems.requireNotNegative(prefix + "max-retry-after", retry.getMaxRetryAfter(), "60s");
		Duration initial = retry.getInitialBackoff();
		Duration max = retry.getMaxBackoff();
		if (initial != null && max != null && !initial.isNegative() && !max.isNegative()
				&& initial.compareTo(max) > 0) {
			this.problems.add(prefix + "initial-backoff",
					prefix + "initial-backoff (" + ChatPropertyProblems.print(initial) + ") is longer than " + prefix
							+ "max-backoff (" + ChatPropertyProblems.print(max) + ").",
					"Set " + prefix + "initial-backoff to at most " + prefix + "max-backoff.");
		}
		double jitter = retry.getJitter();
		if (!(jitter >= 0 && jitter <= 1)) {
			this.problems.add(prefix + "jitter", prefix + "jitter is " + jitter + " but must be between 0 and 1.",
					"Set " + prefix + "jitter to a value from 0 (no spread) to 1 (default 0.5).");
		}
	}

	private void validateOptions(String prefix, ChatProperties.Options options) {
		validateAtLeastOne(prefix + "n", options.getN());
		validateAtLeastOne(prefix + "max-tokens", options.getMaxTokens());
		validateAtLeastOne(prefix + "max-completion-tokens", options.getMaxCompletionTokens());
		if (options.getToolChoice() != null && !StringUtils.hasText(options.getToolChoice())) {
			this.problems.add(prefix + "tool-choice", prefix + "tool-choice is empty.",
					"Set " + prefix + "tool-choice to auto, none, required or a function name, or remove it.");
		}
		Map<String, Object> extraBody = options.getExtraBody();
		if (extraBody != null && extraBody.keySet().stream().anyMatch((key) -> !StringUtils.hasText(key))) {
			this.problems.add(prefix + "extra-body", prefix + "extra-body has an empty field name.",
					"Give every entry of " + prefix + "extra-body a field name.");
		}
	}

	private void validateAtLeastOne(String property, @Nullable Integer value) {
		if (value != null && value < 1) {
			this.problems.add(property, property + " is " + value + " but must be at least 1.",
					"Set " + property + " to a positive number, or remove it to leave it to the provider.");
		}
	}

	/**
	 * Hide the user and password that a URL may carry.
	 * @param url the URL as configured
	 * @return the URL without user info
	 */
	static String withoutUserInfo(String url) {
		return url.replaceFirst("//[^/?#]*@", "//******@");
	}

}
