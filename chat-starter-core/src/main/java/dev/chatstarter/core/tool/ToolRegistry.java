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

package dev.chatstarter.core.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.Assert;

import dev.chatstarter.core.chat.ToolDefinition;

/**
 * All known tools by name. Immutable; built once (at startup) from the callbacks of every
 * tool bean, and asked per call for the tools that call offers.
 */
public final class ToolRegistry {

	private static final ToolRegistry EMPTY = new ToolRegistry(Map.of());

	private final Map<String, ToolCallback> callbacks;

	private ToolRegistry(Map<String, ToolCallback> callbacks) {
		this.callbacks = callbacks;
	}

	/**
	 * A registry without tools.
	 * @return the empty registry
	 */
	public static ToolRegistry empty() {
		return EMPTY;
	}

	/**
	 * Create a registry.
	 * @param callbacks the tools
	 * @return the registry, keeping the given order
	 * @throws ToolDeclarationException if two tools have the same name
	 */
	public static ToolRegistry of(Collection<? extends ToolCallback> callbacks) {
		Assert.notNull(callbacks, "callbacks must not be null");
		Map<String, ToolCallback> byName = new LinkedHashMap<>();
		for (ToolCallback callback : callbacks) {
			Assert.notNull(callback, "callbacks must not contain null");
			ToolCallback existing = byName.putIfAbsent(callback.name(), callback);
			if (existing != null) {
				throw new ToolDeclarationException("Two tools are named '" + callback.name() + "': " + existing
						+ " and " + callback + ". Tool names must be unique across all beans: give one of them"
						+ " another @ChatTool(name = \"...\")");
			}
		}
		return new ToolRegistry(Collections.unmodifiableMap(byName));
	}

	/**
	 * Return a tool.
	 * @param name the tool name
	 * @return the tool, or empty if there is none of that name
	 */
	public Optional<ToolCallback> get(String name) {
		return Optional.ofNullable(this.callbacks.get(name));
	}

	/**
	 * Return the tools of the given names.
	 * @param names the tool names
	 * @return the tools, in the order of the names (duplicates once)
	 * @throws IllegalArgumentException if a name is unknown; the message lists the known
	 * names
	 */
	public List<ToolCallback> resolve(Collection<String> names) {
		Assert.notNull(names, "names must not be null");
		Map<String, ToolCallback> resolved = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String name : names) {
			ToolCallback callback = this.callbacks.get(name);
			if (callback == null) {
				unknown.add(name);
			}
			else {
				resolved.put(name, callback);
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown tool" + ((unknown.size() > 1) ? "s " : " ") + unknown
					+ "; known tools: "
					+ (this.callbacks.isEmpty() ? "none (no bean has @ChatTool methods)" : this.callbacks.keySet()));
		}
		return List.copyOf(resolved.values());
	}

	/**
	 * Return the definitions of the tools of the given names, for the request.
	 * @param names the tool names
	 * @return the definitions, in the order of the names
	 * @throws IllegalArgumentException if a name is unknown
	 */
	public List<ToolDefinition> definitions(Collection<String> names) {
		return resolve(names).stream().map(ToolCallback::definition).toList();
	}

	/**
	 * Return every tool.
	 * @return the tools, in registration order
	 */
	public Collection<ToolCallback> all() {
		return this.callbacks.values();
	}

	/**
	 * Return the names of every tool.
	 * @return the names, in registration order
	 */
	public Set<String> names() {
		return this.callbacks.keySet();
	}

	/**
	 * Whether there are no tools.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.callbacks.isEmpty();
	}

	@Override
	public String toString() {
		return "ToolRegistry" + this.callbacks.keySet();
	}

}
