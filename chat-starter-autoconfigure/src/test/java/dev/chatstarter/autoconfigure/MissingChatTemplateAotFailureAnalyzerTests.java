package dev.chatstarter.autoconfigure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.ChatTemplates;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MissingChatTemplateFailureAnalyzer} in an application that runs AOT-generated code: a missing
 * chat bean is explained by the configuration the application was AOT-processed with, not by today's.
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
