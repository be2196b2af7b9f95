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

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Reads what the failure reports need from the {@link Environment}: where a property was
 * set and which provider names are configured, without binding (and so without failing
 * on) the providers' settings.
 */
final class ChatPropertySources {

	private final Environment environment;

	ChatPropertySources(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Return where a property was set.
	 * @param property the property name, e.g. {@code chat.providers.kuai.base-url}
	 * @return the origin (e.g. file and line), or {@code null} when unknown
	 */
	@Nullable String origin(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			// a map key as written, e.g. headers.X-Team
			name = ConfigurationPropertyName.adapt(property, '.');
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty candidate = source.getConfigurationProperty(name);
			if (candidate != null) {
				Origin origin = candidate.getOrigin();
				return (origin != null) ? origin.toString() : null;
			}
		}
		return null;
	}

	/**
	 * Return the names of the configured providers, in configuration order.
	 * @return the names under {@code chat.providers}
	 */
	Set<String> providerNames() {
		return Binder.get(this.environment)
			.bind(ChatProperties.PREFIX + ".providers", Bindable.mapOf(String.class, Object.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

}
