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
 * Reads what the failure reports need from the {@link Environment}: where a property was set and which provider
 * names are configured, without binding (and so without failing on) the providers' settings.
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
