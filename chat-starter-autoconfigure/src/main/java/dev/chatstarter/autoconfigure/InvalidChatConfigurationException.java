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

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Thrown at startup when the {@code chat.*} properties are invalid; the application's
 * failure analysis turns it into a "Description / Action" report that names each wrong
 * property and its fix. It never carries an API key.
 */
public final class InvalidChatConfigurationException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * Create an exception.
	 * @param problems what is wrong; at least one
	 */
	public InvalidChatConfigurationException(List<Problem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	private static String describe(List<Problem> problems) {
		Assert.notEmpty(problems, "problems must not be empty");
		return "Invalid chat configuration: "
				+ problems.stream().map(Problem::description).collect(Collectors.joining(" "));
	}

	/**
	 * Return what is wrong.
	 * @return the problems, in the order they were found
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One wrong property.
	 *
	 * @param property the property, e.g. {@code chat.providers.kuai.base-url}
	 * @param origin where the property was set (file and line), if known
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	public record Problem(String property, @Nullable String origin, String description, String action) {

		public Problem {
			Assert.hasText(property, "property must not be empty");
			Assert.hasText(description, "description must not be empty");
			Assert.hasText(action, "action must not be empty");
		}

	}

}
