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

package dev.chatstarter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A provider's names for models: a call that names an alias ({@code smart}) sends the
 * provider's own id ({@code gpt-4.1-2025-04-14}). An alias may name another alias; a name
 * that is no alias passes through as a model id. Each provider of a fallback chain maps
 * the model with its own aliases, so one call works across relays that name the same
 * model differently.
 *
 * @param aliases the model id (or another alias) of each alias
 */
public record ModelAliases(Map<String, String> aliases) {

	private static final ModelAliases NONE = new ModelAliases(Map.of());

	public ModelAliases {
		Assert.notNull(aliases, "aliases must not be null");
		aliases.forEach((alias, id) -> {
			Assert.hasText(alias, "an alias must not be blank");
			Assert.hasText(id, () -> "the model id of alias '" + alias + "' must not be blank");
		});
		aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
		for (String alias : aliases.keySet()) {
			List<String> cycle = cycleFrom(aliases, alias);
			Assert.isTrue(cycle == null, () -> "model aliases form a cycle: " + String.join(" -> ", cycle));
		}
	}

	/**
	 * Return no aliases: every name is a model id.
	 * @return the empty aliases
	 */
	public static ModelAliases none() {
		return NONE;
	}

	/**
	 * Return the given aliases.
	 * @param aliases the model id (or another alias) of each alias
	 * @return the aliases
	 * @throws IllegalArgumentException if an alias or id is blank or the aliases form a
	 * cycle
	 */
	public static ModelAliases of(Map<String, String> aliases) {
		return aliases.isEmpty() ? NONE : new ModelAliases(aliases);
	}

	/**
	 * Resolve a model name to the provider's own id.
	 * @param model the model a call names, or {@code null}
	 * @return the id the alias stands for, following aliases of aliases; the name itself
	 * when it is no alias; {@code null} for {@code null}
	 */
	public @Nullable String resolve(@Nullable String model) {
		String id = model;
		for (int i = 0; id != null && i <= this.aliases.size(); i++) {
			String next = this.aliases.get(id);
			if (next == null) {
				return id;
			}
			id = next;
		}
		return id;
	}

	/**
	 * Whether there are no aliases.
	 * @return {@code true} if every name is a model id
	 */
	public boolean isEmpty() {
		return this.aliases.isEmpty();
	}

	/**
	 * Find the cycle an alias starts, if any.
	 * @param aliases the aliases
	 * @param start the alias to follow
	 * @return the names of the cycle, its first name repeated at the end, or {@code null}
	 * if following the alias ends at a model id
	 */
	public static @Nullable List<String> cycleFrom(Map<String, String> aliases, String start) {
		List<String> path = new ArrayList<>();
		String name = start;
		while (name != null) {
			int seen = path.indexOf(name);
			if (seen >= 0) {
				List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
				cycle.add(name);
				return cycle;
			}
			path.add(name);
			name = aliases.get(name);
		}
		return null;
	}

}
