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
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;
import dev.chatstarter.core.observation.ErrorTypes;

/**
 * Counts the retries of every provider in {@value #RETRIES}, tagged
 * {@code gen_ai.provider.name} and {@code error.type} (the failure that was retried, e.g.
 * {@code ChatRateLimitException}).
 */
public final class ChatRetryMetrics implements RetryListener {

	/** The retry counter. */
	public static final String RETRIES = "gen_ai.client.operation.retries";

	private final MeterRegistry registry;

	/**
	 * Create the retry metrics.
	 * @param registry the registry to count in
	 */
	public ChatRetryMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	@Override
	public void onRetry(String provider, ChatException failure) {
		Counter.builder(RETRIES)
			.description("Retries of failed calls to a chat provider")
			.tag(ModelLowCardinalityKeyNames.PROVIDER_NAME.asString(), provider)
			.tag(ModelLowCardinalityKeyNames.ERROR_TYPE.asString(), ErrorTypes.of(failure))
			.register(this.registry)
			.increment();
	}

}
