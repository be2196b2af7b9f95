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

package dev.chatstarter.autoconfigure.health;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.autoconfigure.ChatHealthProbe;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.resilience.CooldownState;

/**
 * The health of one chat provider, from a {@link ChatHealthProbe probe}: the model list,
 * a one-token completion, or nothing. The probe runs without retries, without
 * observations and without tools, is cut after a timeout, and its result is cached for a
 * time to live; concurrent checks share one probe, so health checks never hammer a paid
 * API.
 * <p>
 * Any failure is {@code DOWN} with the reason: the provider's own message for
 * authentication and quota failures, the status for server errors, the timeout for a
 * provider that does not answer in time. The details show the base URL's host, the
 * default model, the probe and the latency; never the API key, and the error text shows
 * URLs without user info or query, has no control characters and is cut to a few hundred
 * characters.
 * <p>
 * The details also show the provider's cooldown (circuit breaker) state, read afresh on
 * every check: {@code closed}, {@code half-open}, or {@code open}, which makes the
 * provider {@code DOWN} without a probe while fallback chains skip it.
 */
public final class ChatHealthIndicator implements ReactiveHealthIndicator {

	private static final String PROBE_PROMPT = "ping";

	private static final String COOLDOWN = "cooldown";

	private final ChatTemplate template;

	private final ChatTemplate probeTemplate;

	private final ChatHealthProbe probe;

	private final Duration timeout;

	private final Scheduler scheduler;

	private final Map<String, Object> details;

	private final Mono<Health> health;

	/**
	 * Create an indicator.
	 * @param template the provider's template; the probe uses a variant without retries,
	 * observations or tools
	 * @param probe how to probe the provider
	 * @param host the host of the provider's base URL, shown in the details, if known
	 * @param timeout the longest a probe may take
	 * @param cacheTtl how long a result is reused
	 */
	public ChatHealthIndicator(ChatTemplate template, ChatHealthProbe probe, @Nullable String host, Duration timeout,
			Duration cacheTtl) {
		this(template, probe, host, timeout, cacheTtl, Schedulers.parallel());
	}

	ChatHealthIndicator(ChatTemplate template, ChatHealthProbe probe, @Nullable String host, Duration timeout,
			Duration cacheTtl, Scheduler scheduler) {
		Assert.notNull(template, "template must not be null");
		Assert.notNull(probe, "probe must not be null");
		Assert.isTrue(timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive");
		Assert.isTrue(!cacheTtl.isNegative(), "cacheTtl must not be negative");
		this.template = template;
		this.probeTemplate = (probe != ChatHealthProbe.NONE) ? template.mutate()
			.retryPolicy(RetryPolicy.none())
			.observationRegistry(ObservationRegistry.NOOP)
			.defaultTools()
			.build() : template;
		this.probe = probe;
		this.timeout = timeout;
		this.scheduler = scheduler;
		Map<String, Object> details = new LinkedHashMap<>();
		if (host != null) {
			details.put("host", host);
		}
		String model = template.defaultOptions().model();
		if (model != null) {
			details.put("model", model);
		}
		details.put("probe", probe.name().toLowerCase(Locale.ROOT));
		this.details = Collections.unmodifiableMap(details);
		this.health = Mono.defer(this::check).cache(cacheTtl, scheduler);
	}

	@Override
	public Mono<Health> health() {
		CooldownState cooldown = this.template.cooldownState();
		if (cooldown == CooldownState.OPEN) {
			return Mono.just(withState(Health.down()
				.withDetails(this.details)
				.withDetail(COOLDOWN, describe(cooldown))
				.withDetail("error", "cooling down after repeated failures: calls skip this provider for now"))
				.build());
		}
		KeyPoolState keys = this.template.keyPoolState();
		if (keys != null && keys.available() == 0) {
			return Mono.just(withState(Health.down()
				.withDetails(this.details)
				.withDetail(COOLDOWN, describe(cooldown))
				.withDetail("error", "none of the provider's API keys serves: " + keys.cooling() + " cooling, "
						+ keys.disabled() + " taken out"))
				.build());
		}
		BudgetState budget = this.template.budgetState();
		if (budget != null && budget.remaining().signum() == 0) {
			return Mono.just(withState(Health.down()
				.withDetails(this.details)
				.withDetail(COOLDOWN, describe(cooldown))
				.withDetail("error", BudgetDetails.spent(budget))).build());
		}
		return this.health.map((health) -> withState(Health.status(health.getStatus())
			.withDetails(health.getDetails())
			.withDetail(COOLDOWN, describe(cooldown))).build());
	}

	/**
	 * Add the key pool's counts, without key material, and the budget's spend.
	 * @param health the health being built
	 * @return the builder
	 */
	private Health.Builder withState(Health.Builder health) {
		KeyPoolState keys = this.template.keyPoolState();
		if (keys != null) {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("total", keys.total());
			counts.put("available", keys.available());
			counts.put("cooling", keys.cooling());
			counts.put("disabled", keys.disabled());
			health.withDetail("keys", counts);
		}
		BudgetState budget = this.template.budgetState();
		if (budget != null) {
			health.withDetail("budget", BudgetDetails.of(budget));
		}
		return health;
	}

	private static String describe(CooldownState cooldown) {
		return cooldown.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private Mono<Health> check() {
		if (this.probe == ChatHealthProbe.NONE) {
			return Mono.just(Health.unknown().withDetails(this.details).build());
		}
		long start = System.nanoTime();
		return probe().timeout(this.timeout, this.scheduler)
			.map((found) -> Health.up()
				.withDetails(this.details)
				.withDetails(found)
				.withDetail("latency", latency(start))
				.build())
			.onErrorResume((failure) -> Mono.just(down(failure, start)));
	}

	/**
	 * Probe the provider.
	 * @return what the probe found out, as details
	 */
	private Mono<Map<String, Object>> probe() {
		if (this.probe == ChatHealthProbe.CHAT) {
			return this.probeTemplate.prompt(PROBE_PROMPT)
				.options((options) -> options.maxTokens(1))
				.call()
				.responseMono()
				.map((response) -> (response.model() != null)
						? Map.of("responseModel", HealthErrorText.of(response.model())) : Map.of());
		}
		return this.probeTemplate.modelsMono().map((models) -> Map.of("models", models.size()));
	}

	private Health down(Throwable failure, long start) {
		Health.Builder builder = Health.down().withDetails(this.details).withDetail("latency", latency(start));
		if (failure instanceof ChatException chatFailure && chatFailure.getStatusCode() > 0) {
			builder.withDetail("httpStatus", chatFailure.getStatusCode());
		}
		return builder.withDetail("error", describe(failure)).build();
	}

	private String describe(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "no answer within " + this.timeout.toMillis() + " ms (chat.health.timeout)";
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		String type = (failure instanceof ChatException) ? "" : failure.getClass().getSimpleName() + ": ";
		return HealthErrorText.of(type + message);
	}

	private static String latency(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis() + "ms";
	}

}
