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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.util.Assert;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;
import dev.chatstarter.core.observation.ErrorTypes;
import dev.chatstarter.core.resilience.FallbackListener;

/**
 * Counts the fallbacks of every provider in {@value #FALLBACKS}, tagged
 * {@code gen_ai.provider.name} (the provider that failed or was skipped),
 * {@value #FALLBACK_TO} (the provider tried next) and {@code error.type} (why, e.g.
 * {@code ChatServerException}, or {@code ChatProviderUnavailableException} for a provider
 * cooling down).
 */
public final class ChatFallbackMetrics implements FallbackListener {

	/** The fallback counter. */
	public static final String FALLBACKS = "gen_ai.client.operation.fallbacks";

	/** The tag naming the provider a request fell back to. */
	public static final String FALLBACK_TO = "chat.fallback.to";

	private final MeterRegistry registry;

	/**
	 * Create the fallback metrics.
	 * @param registry the registry to count in
	 */
	public ChatFallbackMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	@Override
	public void onFallback(String fromProvider, String toProvider, ChatException failure) {
		Counter.builder(FALLBACKS)
			.description("Requests sent on to the next provider of a fallback chain")
			.tag(ModelLowCardinalityKeyNames.PROVIDER_NAME.asString(), fromProvider)
			.tag(FALLBACK_TO, toProvider)
			.tag(ModelLowCardinalityKeyNames.ERROR_TYPE.asString(), ErrorTypes.of(failure))
			.register(this.registry)
			.increment();
	}

}
