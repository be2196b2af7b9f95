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

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

import dev.chatstarter.autoconfigure.ChatTemplateCustomizer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ToolObservationConvention;

/**
 * Applies the application's {@link ObservationRegistry}, and its
 * {@link ChatObservationConvention} and {@link ToolObservationConvention} beans when it
 * has exactly one of each, to every provider's template. It runs before the customizers
 * of the application (order {@code 0}), so those can still change the registry.
 */
public final class ChatObservationTemplateCustomizer implements ChatTemplateCustomizer, Ordered {

	private final ObjectProvider<ObservationRegistry> registry;

	private final ObjectProvider<ChatObservationConvention> convention;

	private final ObjectProvider<ToolObservationConvention> toolConvention;

	/**
	 * Create a customizer.
	 * @param registry the observation registry
	 * @param convention the convention for model calls, if the application has one
	 * @param toolConvention the convention for tool executions, if the application has
	 * one
	 */
	public ChatObservationTemplateCustomizer(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ChatObservationConvention> convention,
			ObjectProvider<ToolObservationConvention> toolConvention) {
		this.registry = registry;
		this.convention = convention;
		this.toolConvention = toolConvention;
	}

	@Override
	public void customize(String provider, ChatTemplate.Builder builder) {
		this.registry.ifAvailable(builder::observationRegistry);
		this.convention.ifUnique(builder::observationConvention);
		this.toolConvention.ifUnique(builder::toolObservationConvention);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
