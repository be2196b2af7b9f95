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

package dev.chatstarter.core.internal.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.tool.MethodToolCallback;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * Finds the tools a call offers: the template's default tools, tools named from the
 * registry, and the {@code @ChatTool} methods of objects handed to the call.
 */
public final class ToolResolver {

	private final Supplier<ToolRegistry> registry;

	private final List<String> defaultToolNames;

	private volatile @Nullable List<ToolCallback> defaultTools;

	/**
	 * Create a resolver.
	 * @param registry supplies the tool registry (asked on first use: the registry may be
	 * built after the template)
	 * @param defaultToolNames the names of the tools every call offers
	 */
	public ToolResolver(Supplier<ToolRegistry> registry, List<String> defaultToolNames) {
		this.registry = registry;
		this.defaultToolNames = List.copyOf(defaultToolNames);
	}

	/**
	 * Return the tools a call offers: the default tools plus the named ones.
	 * @param names the tool names of this call
	 * @return the tools
	 */
	public List<ToolCallback> tools(List<String> names) {
		List<ToolCallback> defaults = defaultTools();
		if (names.isEmpty()) {
			return defaults;
		}
		List<ToolCallback> tools = new ArrayList<>(defaults);
		tools.addAll(this.registry.get().resolve(names));
		return tools;
	}

	private List<ToolCallback> defaultTools() {
		List<ToolCallback> tools = this.defaultTools;
		if (tools == null) {
			tools = this.defaultToolNames.isEmpty() ? List.of() : this.registry.get().resolve(this.defaultToolNames);
			this.defaultTools = tools;
		}
		return tools;
	}

	/**
	 * Return the tools of an object: the registry's when the object is a registered tool
	 * bean (the same instance), else its {@code @ChatTool} methods, introspected for this
	 * call. Nothing is cached per object: a per-request object (one that binds the
	 * current user, say) must not be kept alive by the template, and two objects that are
	 * {@code equals} but hold different state must each get their own calls.
	 * @param toolObject the object
	 * @return its tools
	 */
	public List<ToolCallback> toolsOf(Object toolObject) {
		List<ToolCallback> registered = this.registry.get()
			.all()
			.stream()
			.filter((tool) -> tool instanceof MethodToolCallback method && method.getBean() == toolObject)
			.toList();
		return registered.isEmpty() ? ToolCallbacks.fromBean(toolObject) : registered;
	}

}
