package dev.chatstarter.autoconfigure;

import java.util.List;
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
		return report(cause.getProblems(), cause);
	}

	/**
	 * The starter's report of configuration problems, shared with the analyzers of Spring Boot's binding failures.
	 * @param problems what is wrong
	 * @param cause the failure reported
	 * @return the analysis
	 */
	static FailureAnalysis report(List<Problem> problems, Throwable cause) {
		String description = problems
			.stream()
			.map(InvalidChatConfigurationFailureAnalyzer::describe)
			.collect(Collectors.joining(System.lineSeparator(),
					"The chat configuration is invalid:" + System.lineSeparator() + System.lineSeparator(), ""));
		String action = problems
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
