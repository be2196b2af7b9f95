package dev.chatstarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.chatstarter.autoconfigure.ChatProperties.Provider;
import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;
import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks, once the tools are discovered, that every name under {@code chat.providers.<name>.tools} is a tool of the
 * application, so a typo fails the startup rather than the first call.
 */
final class ProviderToolsValidator implements SmartInitializingSingleton {

	private final ObjectProvider<ChatProperties> properties;

	private final ObjectProvider<ChatToolDiscoverer> discoverer;

	ProviderToolsValidator(ObjectProvider<ChatProperties> properties, ObjectProvider<ChatToolDiscoverer> discoverer) {
		this.properties = properties;
		this.discoverer = discoverer;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ChatProperties chatProperties = this.properties.getIfAvailable();
		ChatToolDiscoverer toolDiscoverer = this.discoverer.getIfUnique();
		if (chatProperties == null || toolDiscoverer == null) {
			return;
		}
		Set<String> known = toolDiscoverer.get().names();
		List<Problem> problems = new ArrayList<>();
		for (Map.Entry<String, Provider> entry : chatProperties.getProviders().entrySet()) {
			List<String> unknown = entry.getValue()
				.getTools()
				.stream()
				.map(String::trim)
				.filter((name) -> !known.contains(name))
				.toList();
			if (!unknown.isEmpty()) {
				String property = ChatProperties.PREFIX + ".providers." + entry.getKey() + ".tools";
				problems.add(new Problem(property, null,
						property + " names " + unknown + " but the application has no such tool; "
								+ (known.isEmpty() ? "it has no @ChatTool methods at all." : "its tools are " + known + "."),
						"Fix the names under " + property + ", or add a bean with a @ChatTool method of that name."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidChatConfigurationException(problems);
		}
	}

}
