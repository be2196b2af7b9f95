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

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;

/**
 * Explains a missing or ambiguous {@link ChatTemplate} or {@link ChatTemplates} bean in
 * terms of {@code chat.*} properties: no provider configured, {@code chat.enabled=false},
 * a qualifier naming an unknown provider, or the default provider's template replaced by
 * a bean that is not primary, or an AOT-generated application whose beans were fixed by
 * another configuration. Runs before Spring Boot's generic analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class MissingChatTemplateFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

	private static final String ENABLED = ChatProperties.PREFIX + ".enabled";

	private final Environment environment;

	MissingChatTemplateFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		ResolvableType type = cause.getResolvableType();
		Class<?> beanType = (type != null) ? type.resolve() : null;
		if (beanType != ChatTemplate.class && beanType != ChatTemplates.class) {
			return null;
		}
		String wanted = "a " + beanType.getSimpleName() + " bean";
		if (cause instanceof NoUniqueBeanDefinitionException unique) {
			return new FailureAnalysis(
					"A component needs " + wanted + " but there are " + unique.getNumberOfBeansFound() + " "
							+ unique.getBeanNamesFound() + " and none of them is primary.",
					"Inject a provider's template with @Qualifier(\"<provider>\") or use ChatTemplates. If you defined "
							+ "your own ChatTemplate bean named after chat.default-provider, mark it @Primary.",
					cause);
		}
		if (AotDetector.useGeneratedArtifacts()) {
			Set<String> names = new ChatPropertySources(this.environment).providerNames();
			return new FailureAnalysis("A component needs " + wanted + " that does not exist (" + cause.getMessage()
					+ "). This application runs AOT-generated code, whose beans were fixed when it was AOT-processed: "
					+ "chat.enabled and the chat.providers names of that build decide which chat beans exist. The "
					+ "chat providers configured now are " + names + ".",
					"Use one of " + names + " as the qualifier, or run the AOT processing (spring-boot:process-aot, "
							+ "or the native build) with the chat.enabled and chat.providers names the application "
							+ "runs with. See docs/aot.md.",
					cause);
		}
		String enabled = this.environment.getProperty(ENABLED);
		if (enabled != null && !isBoolean(enabled)) {
			String origin = new ChatPropertySources(this.environment).origin(ENABLED);
			return new FailureAnalysis("A component needs " + wanted + " but " + ENABLED + " is '" + enabled.trim()
					+ "', which is not true or false, so the starter is off and no ChatTemplate beans were created."
					+ ((origin != null) ? System.lineSeparator() + "      Origin: " + origin : ""),
					"Set " + ENABLED + " to true or false, or remove it (the default is true).", cause);
		}
		if (enabled != null && enabled.trim().equalsIgnoreCase("false")) {
			return new FailureAnalysis(
					"A component needs " + wanted + " but chat.enabled is false, so no "
							+ "ChatTemplate beans were created.",
					"Remove chat.enabled=false from your configuration.", cause);
		}
		Set<String> names = new ChatPropertySources(this.environment).providerNames();
		if (names.isEmpty()) {
			return new FailureAnalysis(
					"A component needs " + wanted + " but no chat provider is configured under chat.providers.",
					"Configure a provider, for example:" + System.lineSeparator() + System.lineSeparator()
							+ "    chat.providers.openai.base-url=https://api.openai.com/v1" + System.lineSeparator()
							+ "    chat.providers.openai.api-key=${OPENAI_API_KEY}" + System.lineSeparator()
							+ "    chat.providers.openai.model=gpt-4o",
					cause);
		}
		return new FailureAnalysis(
				"A component needs " + wanted + " that does not exist (" + cause.getMessage()
						+ "). The configured chat providers are " + names + ".",
				"Use one of " + names + " as the qualifier, or add the provider under chat.providers.<name>.", cause);
	}

	/**
	 * Whether a value is what {@code @ConditionalOnBooleanProperty} reads as a boolean;
	 * anything else turns the starter off without a word.
	 * @param value the value as configured
	 * @return whether it is {@code true} or {@code false}, in any case
	 */
	private static boolean isBoolean(String value) {
		String trimmed = value.trim();
		return trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false");
	}

}
