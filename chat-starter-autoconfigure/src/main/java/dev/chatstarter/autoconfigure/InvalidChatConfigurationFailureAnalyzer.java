package dev.chatstarter.autoconfigure;

import java.util.stream.Collectors;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidChatConfigurationException}: each wrong property, where it was set, and how to fix it.
 */
final class InvalidChatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChatConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChatConfigurationException cause) {
		String description = cause.getProblems()
			.stream()
			.map(InvalidChatConfigurationFailureAnalyzer::describe)
			.collect(Collectors.joining(System.lineSeparator(),
					"The chat configuration is invalid:" + System.lineSeparator() + System.lineSeparator(), ""));
		String action = cause.getProblems()
			.stream()
			.map((problem) -> "    - " + problem.action())
			.distinct()
			.collect(Collectors.joining(System.lineSeparator(),
					"Update your application's configuration:" + System.lineSeparator() + System.lineSeparator(),
					""));
		return new FailureAnalysis(description, action, cause);
	}

	private static String describe(Problem problem) {
		String origin = (problem.origin() != null)
				? System.lineSeparator() + "      Origin: " + problem.origin() : "";
		return "    - " + problem.description() + origin;
	}

}
