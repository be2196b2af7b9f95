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

package dev.chatstarter.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * An immutable registry of named {@link ChatTemplate}s, one per provider, in the order
 * they were configured, one of them the default.
 *
 * <pre class="code">
 * ChatTemplate kuai = templates.get("kuai");
 * String answer = templates.getDefault().prompt("hi").call().content();
 * </pre>
 *
 * With the Spring Boot starter the registry is a bean built from
 * {@code chat.providers.*}; without Spring Boot, {@link #of(Map, String)} builds one.
 */
public final class ChatTemplates {

	private final Map<String, ChatTemplate> templates;

	private final String defaultName;

	private ChatTemplates(Map<String, ChatTemplate> templates, String defaultName) {
		this.templates = templates;
		this.defaultName = defaultName;
	}

	/**
	 * Create a registry.
	 * @param templates the templates by provider name, in the order {@link #names()}
	 * returns them; at least one
	 * @param defaultName the name of the default template; one of the keys of
	 * {@code templates}
	 * @return the registry
	 * @throws IllegalArgumentException if {@code templates} is empty or does not contain
	 * {@code defaultName}
	 */
	public static ChatTemplates of(Map<String, ChatTemplate> templates, String defaultName) {
		Assert.notNull(templates, "templates must not be null");
		Assert.notEmpty(templates, "templates must not be empty");
		Assert.hasText(defaultName, "defaultName must not be empty");
		Map<String, ChatTemplate> copy = new LinkedHashMap<>();
		templates.forEach((name, template) -> {
			Assert.hasText(name, "template names must not be empty");
			Assert.notNull(template, () -> "template '" + name + "' must not be null");
			copy.put(name, template);
		});
		Assert.isTrue(copy.containsKey(defaultName),
				() -> "defaultName '" + defaultName + "' is not one of " + copy.keySet());
		return new ChatTemplates(Collections.unmodifiableMap(copy), defaultName);
	}

	/**
	 * Create a registry with a single template, which is the default.
	 * @param template the template, registered under its {@link ChatTemplate#provider()
	 * provider name}
	 * @return the registry
	 */
	public static ChatTemplates of(ChatTemplate template) {
		Assert.notNull(template, "template must not be null");
		return of(Map.of(template.provider(), template), template.provider());
	}

	/**
	 * Return the template of a provider.
	 * @param name the provider name
	 * @return the template
	 * @throws IllegalArgumentException if there is no such provider; the message lists
	 * the known names
	 */
	public ChatTemplate get(String name) {
		ChatTemplate template = this.templates.get(name);
		if (template == null) {
			throw new IllegalArgumentException(
					"No chat provider named '" + name + "'; known providers: " + this.templates.keySet());
		}
		return template;
	}

	/**
	 * Return the template of a provider, if there is one.
	 * @param name the provider name
	 * @return the template, or empty
	 */
	public Optional<ChatTemplate> find(String name) {
		return Optional.ofNullable(this.templates.get(name));
	}

	/**
	 * Return the provider names, in the order they were configured.
	 * @return the names, never empty
	 */
	public List<String> names() {
		return List.copyOf(this.templates.keySet());
	}

	/**
	 * Return the default template.
	 * @return the template named {@link #defaultName()}
	 */
	public ChatTemplate getDefault() {
		return get(this.defaultName);
	}

	/**
	 * Return the name of the default provider.
	 * @return the name
	 */
	public String defaultName() {
		return this.defaultName;
	}

	/**
	 * Return the templates by provider name, in the order they were configured.
	 * @return an unmodifiable map
	 */
	public Map<String, ChatTemplate> asMap() {
		return this.templates;
	}

	@Override
	public String toString() {
		return "ChatTemplates" + this.templates.keySet() + " (default '" + this.defaultName + "')";
	}

}
