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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

/**
 * Reports an {@link InvalidChatConfigurationException}: each wrong property, where it was
 * set, and how to fix it.
 */
final class InvalidChatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChatConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChatConfigurationException cause) {
		return report(cause.getProblems(), cause);
	}

	/**
	 * The starter's report of configuration problems, shared with the analyzers of Spring
	 * Boot's binding failures.
	 * @param problems what is wrong
	 * @param cause the failure reported
	 * @return the analysis
	 */
	static FailureAnalysis report(List<Problem> problems, Throwable cause) {
		String description = problems.stream()
			.map(InvalidChatConfigurationFailureAnalyzer::describe)
			.collect(Collectors.joining(System.lineSeparator(),
					"The chat configuration is invalid:" + System.lineSeparator() + System.lineSeparator(), ""));
		String action = problems.stream()
			.map((problem) -> "    - " + problem.action())
			.distinct()
			.collect(Collectors.joining(System.lineSeparator(),
					"Update your application's configuration:" + System.lineSeparator() + System.lineSeparator(), ""));
		return new FailureAnalysis(description, action, cause);
	}

	private static String describe(Problem problem) {
		String origin = (problem.origin() != null) ? System.lineSeparator() + "      Origin: " + problem.origin() : "";
		return "    - " + problem.description() + origin;
	}

}
