package dev.chatstarter.autoconfigure;

import dev.chatstarter.core.tool.ToolDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@code @ChatTool} declaration that cannot become a tool: duplicate or invalid names, parameter or return
 * types that cannot be described.
 */
final class ToolDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<ToolDeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ToolDeclarationException cause) {
		return new FailureAnalysis("A chat tool cannot be declared: " + cause.getMessage(),
				"Change the @ChatTool method as described above: tool names must be unique across all beans and match "
						+ "[a-zA-Z0-9_-]{1,64}, and every parameter must have a type a JSON schema can describe.",
				cause);
	}

}
