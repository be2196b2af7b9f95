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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.SpringProperties;

import dev.chatstarter.core.ChatTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MissingChatTemplateFailureAnalyzer} in an application that runs
 * AOT-generated code: a missing chat bean is explained by the configuration the
 * application was AOT-processed with, not by today's.
 */
class MissingChatTemplateAotFailureAnalyzerTests {

	@AfterEach
	void leaveAotMode() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
	}

	@Test
	void aMissingRegistryInAnAotGeneratedApplicationIsExplainedByTheAotProcessing() {
		SpringProperties.setFlag(AotDetector.AOT_ENABLED);
		FailureAnalysis analysis = FailureAnalyses.analyze(new NoSuchBeanDefinitionException(ChatTemplates.class),
				"chat.providers.fast.base-url=http://127.0.0.1:1/v1");
		assertThat(analysis.getDescription()).contains("runs AOT-generated code")
			.contains("chat.enabled and the chat.providers names of that build")
			.contains("[fast]");
		assertThat(analysis.getAction()).contains("run the AOT processing").contains("docs/aot.md");
	}

	@Test
	void withoutAotTheAnalysisIsUnchanged() {
		FailureAnalysis analysis = FailureAnalyses.analyze(new NoSuchBeanDefinitionException(ChatTemplates.class),
				"chat.providers.fast.base-url=http://127.0.0.1:1/v1");
		assertThat(analysis.getDescription()).doesNotContain("AOT");
	}

}
