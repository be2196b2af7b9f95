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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.chatstarter.autoconfigure.ChatRouteCustomizer;
import dev.chatstarter.autoconfigure.ChatTemplateCustomizer;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.state.SharedState;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the chat providers' metrics when the application has a
 * {@link MeterRegistry}: token usage and stream chunk timings from the observations of
 * model calls ({@link ChatMetricsObservationHandler}, registered with the observation
 * registry like every {@link io.micrometer.observation.ObservationHandler} bean), a retry
 * counter ({@link ChatRetryMetrics}) and a fallback counter
 * ({@link ChatFallbackMetrics}), added to every template's listeners, and the meters of
 * key pools, routes, budgets and the shared state read when scraped, and the
 * {@code chat.cost} counter ({@link ChatCostMetrics}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
public final class ChatMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatMetricsObservationHandler chatMetricsObservationHandler(MeterRegistry meterRegistry) {
		return new ChatMetricsObservationHandler(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatRetryMetrics chatRetryMetrics(MeterRegistry meterRegistry) {
		return new ChatRetryMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatFallbackMetrics chatFallbackMetrics(MeterRegistry meterRegistry) {
		return new ChatFallbackMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatKeyPoolMetrics chatKeyPoolMetrics(ObjectProvider<ChatTemplates> templates) {
		return new ChatKeyPoolMetrics(templates);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatRouteMetrics chatRouteMetrics(ObjectProvider<ChatTemplates> templates) {
		return new ChatRouteMetrics(templates);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatSharedStateMetrics chatSharedStateMetrics(ObjectProvider<SharedState> sharedState) {
		return new ChatSharedStateMetrics(sharedState);
	}

	@Bean
	@Order(0)
	ChatRouteCustomizer chatRouteMetricsCustomizer(MeterRegistry meterRegistry) {
		return (route, builder) -> builder.fallbackListener(ChatRouteMetrics.failovers(route, meterRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	ChatCostMetrics chatCostMetrics(MeterRegistry meterRegistry, ObjectProvider<ChatTemplates> templates) {
		return new ChatCostMetrics(meterRegistry, templates);
	}

	@Bean
	@Order(0)
	ChatTemplateCustomizer chatResilienceMetricsCustomizer(ChatRetryMetrics retryMetrics,
			ChatFallbackMetrics fallbackMetrics, ChatCostMetrics costMetrics) {
		return (provider, builder) -> builder.retryListener(retryMetrics)
			.fallbackListener(fallbackMetrics)
			.cost((cost) -> cost.spendListener(costMetrics));
	}

}
