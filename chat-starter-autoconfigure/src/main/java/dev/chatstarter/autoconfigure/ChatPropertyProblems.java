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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

/**
 * Collects the problems found in {@code chat.*} properties, each with where it was set
 * and what to do, and reports them together as one
 * {@link InvalidChatConfigurationException} (which the starter's failure analyzer turns
 * into its start-up report). The checks of the root properties and those of each concern
 * (health, observations) use it, so every wrong value gets the same report.
 */
public final class ChatPropertyProblems {

	private final Function<String, @Nullable String> origins;

	private final List<Problem> problems = new ArrayList<>();

	/**
	 * Create an empty collection that looks origins up in an environment.
	 * @param environment the environment the properties come from
	 */
	public ChatPropertyProblems(Environment environment) {
		this(new ChatPropertySources(environment)::origin);
	}

	ChatPropertyProblems(Function<String, @Nullable String> origins) {
		this.origins = origins;
	}

	/**
	 * Add a problem.
	 * @param property the property, e.g. {@code chat.health.timeout}
	 * @param description what is wrong, as a sentence
	 * @param action what to do about it, as a sentence
	 */
	public void add(String property, String description, String action) {
		add(property, property, description, action);
	}

	/**
	 * Add a problem whose origin is looked up under another name: a list element
	 * ({@code fallback[1]}, falling back to the whole list when it was given as one
	 * comma-separated value) or a map key in brackets.
	 * @param property the property
	 * @param originKey the name to look its origin up under
	 * @param description what is wrong, as a sentence
	 * @param action what to do about it, as a sentence
	 */
	public void add(String property, String originKey, String description, String action) {
		String origin = this.origins.apply(originKey);
		if (origin == null && !originKey.equals(property) && originKey.endsWith("]")) {
			origin = this.origins.apply(property);
		}
		this.problems.add(new Problem(property, origin, description, action));
	}

	/**
	 * Add a problem unless a duration is positive.
	 * @param property the property
	 * @param value its value
	 * @param defaultValue its default, as the report suggests it (e.g. {@code 5s})
	 */
	public void requirePositive(String property, @Nullable Duration value, String defaultValue) {
		if (value == null || value.isNegative() || value.isZero()) {
			add(property, property + " is " + describe(value) + " but must be a positive duration.", "Set " + property
					+ " to a positive duration such as " + defaultValue + " (the default), or remove it.");
		}
	}

	/**
	 * Add a problem if a duration is negative.
	 * @param property the property
	 * @param value its value
	 * @param defaultValue its default, as the report suggests it (e.g. {@code 30s})
	 */
	public void requireNotNegative(String property, @Nullable Duration value, String defaultValue) {
		if (value == null || value.isNegative()) {
			add(property, property + " is " + describe(value) + " but must not be negative.", "Set " + property
					+ " to 0 or a positive duration such as " + defaultValue + " (the default), or remove it.");
		}
	}

	/**
	 * Throw the problems found, if any.
	 * @throws InvalidChatConfigurationException listing every problem
	 */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidChatConfigurationException(List.copyOf(this.problems));
		}
	}

	/**
	 * Describe a duration as a report shows it.
	 * @param value the duration, or {@code null} when it was set empty
	 * @return the duration in seconds or milliseconds, or {@code empty}
	 */
	static String describe(@Nullable Duration value) {
		return (value != null) ? print(value) : "empty";
	}

	/**
	 * Print a duration as a report shows it.
	 * @param value the duration
	 * @return the duration in seconds, or in milliseconds when it is not whole seconds
	 */
	public static String print(Duration value) {
		long millis = value.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
