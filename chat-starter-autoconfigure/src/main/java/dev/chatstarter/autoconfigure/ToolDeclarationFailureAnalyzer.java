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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.chatstarter.core.tool.ToolDeclarationException;

/**
 * Explains a {@code @ChatTool} declaration that cannot become a tool: duplicate or
 * invalid names, parameter or return types that cannot be described.
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
