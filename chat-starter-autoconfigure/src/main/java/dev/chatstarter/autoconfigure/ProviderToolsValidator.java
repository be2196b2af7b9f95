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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.chatstarter.autoconfigure.ChatProperties.Provider;
import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;
import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;

/**
 * Checks, once the tools are discovered, that every name under
 * {@code chat.providers.<name>.tools} is a tool of the application, so a typo fails the
 * startup rather than the first call.
 */
final class ProviderToolsValidator implements SmartInitializingSingleton {

	private final ObjectProvider<ChatProperties> properties;

	private final ObjectProvider<ChatToolDiscoverer> discoverer;

	private final Function<String, @Nullable String> origins;

	/**
	 * Create a validator.
	 * @param properties the chat properties
	 * @param discoverer the application's tools
	 * @param origins returns where a property was set (file and line), or {@code null}
	 */
	ProviderToolsValidator(ObjectProvider<ChatProperties> properties, ObjectProvider<ChatToolDiscoverer> discoverer,
			Function<String, @Nullable String> origins) {
		this.properties = properties;
		this.discoverer = discoverer;
		this.origins = origins;
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
			List<String> tools = entry.getValue().getTools().stream().map(String::trim).toList();
			List<String> unknown = tools.stream().filter((name) -> !known.contains(name)).toList();
			if (!unknown.isEmpty()) {
				String property = ChatProperties.PREFIX + ".providers." + entry.getKey() + ".tools";
				problems.add(new Problem(property, origin(property, tools.indexOf(unknown.get(0))),
						property + " names " + unknown + " but the application has no such tool; "
								+ (known.isEmpty() ? "it has no @ChatTool methods at all."
										: "its tools are " + known + "."),
						"Fix the names under " + property + ", or add a bean with a @ChatTool method of that name."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidChatConfigurationException(problems);
		}
	}

	/**
	 * Where a list element was set: {@code tools[1]} in YAML or indexed properties, else
	 * the whole list (one comma-separated value).
	 * @param property the list property, e.g. {@code chat.providers.aigc.tools}
	 * @param index the element's index
	 * @return where it was set, or {@code null} when unknown
	 */
	private @Nullable String origin(String property, int index) {
		String origin = this.origins.apply(property + "[" + index + "]");
		return (origin != null) ? origin : this.origins.apply(property);
	}

}
