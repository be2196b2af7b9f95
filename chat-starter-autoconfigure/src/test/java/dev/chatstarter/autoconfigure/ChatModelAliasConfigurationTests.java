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

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat.providers.<name>.models}: aliases bound to the template, and a cycle or a
 * blank id reported at start-up.
 */
class ChatModelAliasConfigurationTests {

	private static final String PREFIX = "chat.providers.aigc.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues(PREFIX + "base-url=https://api2.aigcbest.top/v1");

	@Test
	void aliasesStart() {
		this.runner.withPropertyValues(PREFIX + "models.fast=gpt-4o-mini", PREFIX + "models.smart=gpt-4.1-2025-04-14")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aCycleNamesItsAliases() {
		this.runner
			.withPropertyValues(PREFIX + "models.smart=best", PREFIX + "models.best=top", PREFIX + "models.top=smart")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains(PREFIX + "models form a cycle: smart -> best -> top -> smart");
				assertThat(analysis.getDescription()).containsOnlyOnce("form a cycle");
				assertThat(analysis.getAction()).contains("name the provider's model id instead of another alias");
			});
	}

	@Test
	void aBlankId() {
		this.runner.withPropertyValues(PREFIX + "models.fast= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains(PREFIX + "models.fast is blank");
		});
	}

}
