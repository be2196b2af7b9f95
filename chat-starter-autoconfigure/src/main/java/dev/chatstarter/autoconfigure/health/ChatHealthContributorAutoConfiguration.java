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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatHealthProbe;
import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.autoconfigure.ChatPropertyProblems;
import dev.chatstarter.autoconfigure.ChatRouteProperties;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.state.SharedState;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the chat providers' health: a reactive composite contributor
 * named {@code chat} with one {@link ChatHealthIndicator} per provider, so
 * {@code /actuator/health} shows {@code chat.<provider>}, and {@code chat.sharedState}
 * when replicas share state ({@link ChatSharedStateHealthIndicator}). Each provider is
 * probed as {@code chat.providers.<name>.health.probe} says, within
 * {@code chat.health.timeout}, and the result is reused for
 * {@code chat.health.cache-ttl}. A provider with fallbacks that is {@code DOWN} while one
 * of its fallbacks is {@code UP} is reported {@code UP}, degraded (see
 * {@link ChatFallbackHealthIndicator}), since its calls are answered. Spring Boot's
 * liveness and readiness groups do not include {@code chat} unless the application adds
 * it; adding it to liveness logs a warning. {@code management.health.chat.enabled=false}
 * turns it off; a bean named {@code chatHealthContributor} replaces it.
 */
@AutoConfiguration(after = ChatAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthContributor")
@EnableConfigurationProperties(ChatHealthProperties.class)
public final class ChatHealthContributorAutoConfiguration {

	/**
	 * The contributor, in a nested class so that its health conditions are only read when
	 * Spring Boot's health support is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ ChatTemplates.class, ChatProperties.class })
	@ConditionalOnEnabledHealthIndicator("chat")
	static class ChatHealthContributorConfiguration {

		/** The name of the shared state's component in the {@code chat} contributor. */
		private static final String SHARED_STATE = "sharedState";

		@Bean
		@ConditionalOnMissingBean(name = { "chatHealthIndicator", "chatHealthContributor" })
		ReactiveHealthContributor chatHealthContributor(ChatTemplates templates, ChatProperties properties,
				ChatHealthProperties health, ObjectProvider<SharedState> sharedState, Environment environment) {
			LivenessGroupCheck.warnIfChatIsInLiveness(environment);
			ChatPropertyProblems problems = new ChatPropertyProblems(environment);
			health.validate(problems);
			problems.throwIfAny();
			Map<String, ChatHealthIndicator> own = new LinkedHashMap<>();
			templates.asMap().forEach((name, template) -> {
				if (!properties.getRoutes().containsKey(name)) {
					own.put(name, indicator(name, template, properties, health));
				}
			});
			Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
			own.forEach((name, indicator) -> {
				Map<String, ChatHealthIndicator> chain = new LinkedHashMap<>();
				ChatProperties.Provider provider = properties.getProviders().get(name);
				if (provider != null) {
					addFallbacks(provider.getFallback(), properties, own, chain);
				}
				chain.remove(name);
				indicators.put(name, chain.isEmpty() ? indicator : new ChatFallbackHealthIndicator(indicator, chain));
			});
			properties.getRoutes()
				.forEach((name, route) -> templates.find(name)
					.ifPresent((template) -> indicators.put(name, routeIndicator(template, route, properties, own))));
			sharedState.ifAvailable((state) -> indicators.put(SHARED_STATE, new ChatSharedStateHealthIndicator(state)));
			return CompositeReactiveHealthContributor.fromMap(indicators);
		}

		/**
		 * Add the own indicators of a fallback chain in the order calls try them: each
		 * fallback, then its own fallbacks (the startup validation ruled out cycles; a
		 * name seen before is skipped all the same).
		 * @param fallbacks the names of the fallbacks of a provider or route
		 * @param properties the bound chat properties
		 * @param own every provider's own indicator, by name
		 * @param chain the chain being built, in the order calls try it
		 */
		private static void addFallbacks(List<String> fallbacks, ChatProperties properties,
				Map<String, ChatHealthIndicator> own, Map<String, ChatHealthIndicator> chain) {
			for (String fallback : fallbacks) {
				String fallbackName = fallback.trim();
				ChatHealthIndicator indicator = own.get(fallbackName);
				ChatProperties.Provider provider = properties.getProviders().get(fallbackName);
				if (indicator != null && provider != null && !chain.containsKey(fallbackName)) {
					chain.put(fallbackName, indicator);
					addFallbacks(provider.getFallback(), properties, own, chain);
				}
			}
		}

		/**
		 * The indicator of a route over the own indicators of the providers it deploys,
		 * with those of its fallback chain: a route whose deployments are all DOWN while
		 * a fallback is UP answers its calls.
		 * @param template the route's template
		 * @param route the route's properties
		 * @param properties the bound chat properties
		 * @param own every provider's own indicator, by name
		 * @return the indicator
		 */
		private static ReactiveHealthIndicator routeIndicator(ChatTemplate template, ChatRouteProperties route,
				ChatProperties properties, Map<String, ChatHealthIndicator> own) {
			Map<String, ChatHealthIndicator> deployed = new LinkedHashMap<>();
			for (ChatRouteProperties.Deployment deployment : route.getDeployments()) {
				String provider = (deployment.getProvider() != null) ? deployment.getProvider().trim() : "";
				ChatHealthIndicator indicator = own.get(provider);
				if (indicator != null) {
					deployed.putIfAbsent(provider, indicator);
				}
			}
			ChatRouteHealthIndicator indicator = new ChatRouteHealthIndicator(template, deployed);
			Map<String, ChatHealthIndicator> fallbacks = new LinkedHashMap<>();
			addFallbacks(route.getFallback(), properties, own, fallbacks);
			return fallbacks.isEmpty() ? indicator : new ChatFallbackHealthIndicator(indicator, fallbacks);
		}

		private static ChatHealthIndicator indicator(String name, ChatTemplate template, ChatProperties properties,
				ChatHealthProperties health) {
			ChatProperties.Provider provider = properties.getProviders().get(name);
			ChatHealthProbe probe = (provider != null) ? provider.getHealth().getProbe() : ChatHealthProbe.MODELS;
			String host = (provider != null) ? host(provider.getBaseUrl()) : null;
			return new ChatHealthIndicator(template, probe, host, health.getTimeout(), health.getCacheTtl());
		}

		private static @Nullable String host(@Nullable String baseUrl) {
			return StringUtils.hasText(baseUrl) ? BaseUrl.parse(baseUrl).getHost() : null;
		}

	}

}
