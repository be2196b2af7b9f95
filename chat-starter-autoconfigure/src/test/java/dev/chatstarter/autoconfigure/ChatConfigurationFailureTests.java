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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup failures of {@link ChatAutoConfiguration}, as the failure
 * analysis reports them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatConfigurationFailureTests {

	private static final String SECRET = "sk-secret-0123456789";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class));

	@Test
	void missingBaseUrl() {
		this.runner.withPropertyValues("chat.providers.kuai.api-key=" + SECRET, "chat.providers.kuai.model=gpt-4o")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("chat.providers.kuai.base-url is not set");
				assertThat(analysis.getAction()).contains(
						"Set chat.providers.kuai.base-url to the provider's API URL, e.g. https://api.openai.com/v1");
			});
	}

	@Test
	void baseUrlThatIsNotHttp() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=ftp://api.kuaiai.app").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.contains("chat.providers.kuai.base-url is 'ftp://api.kuaiai.app', which is not an http or https URL");
			assertThat(analysis.getAction()).contains("Set chat.providers.kuai.base-url to");
		});
	}

	@Test
	void baseUrlWithoutScheme() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=api.kuaiai.app/v1")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.kuai.base-url is 'api.kuaiai.app/v1', which is not an http or https URL"));
	}

	@Test
	void unparsableBaseUrl() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=https://api.kuai ai.app/v1")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.kuai.base-url is 'https://api.kuai ai.app/v1', which is not a valid URL"));
	}

	@Test
	void baseUrlWithoutHost() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=https:///v1")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.kuai.base-url is 'https:///v1', which has no host name"));
	}

	@Test
	void baseUrlCredentialsAreNotShown() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=ftp://user:" + SECRET + "@api.kuaiai.app")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("'ftp://******@api.kuaiai.app'");
				assertNoSecret(context, analysis);
			});
	}

	@Test
	void unknownDefaultProviderListsTheKnownNames() {
		this.runner
			.withPropertyValues("chat.default-provider=openai",
					"chat.providers.aigc.base-url=https://api2.aigcbest.top/v1",
					"chat.providers.kuai.base-url=https://api.kuaiai.app/")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"chat.default-provider is 'openai' but there is no provider or route of that name; the configured providers are [aigc, kuai]");
				assertThat(analysis.getAction()).contains(
						"Set chat.default-provider to one of [aigc, kuai], or add the provider under chat.providers.openai");
			});
	}

	@Test
	void defaultProviderWithoutProviders() {
		this.runner.withPropertyValues("chat.default-provider=openai").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("no providers are configured");
			assertThat(analysis.getAction()).contains("Add the provider under chat.providers.openai");
		});
	}

	@Test
	void severalProvidersWithoutADefault() {
		this.runner
			.withPropertyValues("chat.providers.aigc.base-url=https://api2.aigcbest.top/v1",
					"chat.providers.kuai.base-url=https://api.kuaiai.app/")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"2 providers are configured [aigc, kuai] but chat.default-provider is not set, so no ChatTemplate can be the primary bean");
				assertThat(analysis.getAction()).contains("Set chat.default-provider to one of [aigc, kuai].");
			});
	}

	@Test
	void zeroAndNegativeTimeouts() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.connect-timeout=0s", "chat.providers.kuai.response-timeout=-1s",
					"chat.providers.kuai.stream-idle-timeout=-500ms")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.providers.kuai.connect-timeout is 0s but must be a positive duration")
					.contains("chat.providers.kuai.response-timeout is -1s but must be a positive duration")
					.contains("chat.providers.kuai.stream-idle-timeout is -500ms but must be a positive duration");
				assertThat(analysis.getAction())
					.contains(
							"Set chat.providers.kuai.connect-timeout to a positive duration such as 10s (the default)")
					.contains("Set chat.providers.kuai.response-timeout to a positive duration such as 60s")
					.contains("Set chat.providers.kuai.stream-idle-timeout to a positive duration such as 120s");
			});
	}

	@Test
	void zeroCallTimeoutAndStreamSize() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.call-timeout=0s", "chat.providers.kuai.max-stream-size=0B")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.providers.kuai.call-timeout is 0s but must be a positive duration")
					.contains("chat.providers.kuai.max-stream-size is 0B but must be positive");
				assertThat(analysis.getAction())
					.contains("Set chat.providers.kuai.call-timeout to a positive duration such as 10m, or remove it")
					.contains("Set chat.providers.kuai.max-stream-size to a size such as 16MB");
			});
	}

	@Test
	void aCallTimeoutNotLongerThanTheResponseTimeoutStartsWithAWarning(CapturedOutput output) {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.call-timeout=30s")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ChatTemplate.class);
				assertThat(output).contains("chat.providers.kuai.call-timeout (30s) is not longer than "
						+ "chat.providers.kuai.response-timeout (60s)");
			});
	}

	@Test
	void badRetrySettings() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.retry.max-attempts=0", "chat.providers.kuai.retry.initial-backoff=-1s",
					"chat.providers.kuai.retry.max-retry-after=-2s", "chat.providers.kuai.retry.jitter=1.5")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.providers.kuai.retry.max-attempts is 0 but must be at least 1")
					.contains("chat.providers.kuai.retry.initial-backoff is -1s but must not be negative")
					.contains("chat.providers.kuai.retry.max-retry-after is -2s but must not be negative")
					.contains("chat.providers.kuai.retry.jitter is 1.5 but must be between 0 and 1");
				assertThat(analysis.getAction())
					.contains("Set chat.providers.kuai.retry.max-attempts to 1 to turn retries off");
			});
	}

	@Test
	void initialBackoffLongerThanMaxBackoff() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.retry.initial-backoff=10s", "chat.providers.kuai.retry.max-backoff=2s")
			.run((context) -> assertThat(analyze(context).getDescription()).contains(
					"chat.providers.kuai.retry.initial-backoff (10s) is longer than chat.providers.kuai.retry.max-backoff (2s)"));
	}

	@Test
	void zeroBackoffIsAllowed() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.retry.initial-backoff=0s", "chat.providers.kuai.retry.max-backoff=0s",
					"chat.providers.kuai.retry.max-attempts=1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChatTemplate.class));
	}

	@Test
	void badOptions() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.options.max-tokens=0", "chat.providers.kuai.options.n=-1")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.kuai.options.max-tokens is 0 but must be at least 1")
				.contains("chat.providers.kuai.options.n is -1 but must be at least 1"));
	}

	@Test
	void everyProblemIsReportedAtOnceAndTheApiKeyNever() {
		this.runner
			.withPropertyValues("chat.providers.aigc.api-key=" + SECRET, "chat.providers.kuai.api-key=" + SECRET,
					"chat.providers.kuai.base-url=mailto:someone", "chat.providers.kuai.retry.max-attempts=0")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("chat.providers.aigc.base-url is not set")
					.contains("chat.providers.kuai.base-url is 'mailto:someone'")
					.contains("chat.providers.kuai.retry.max-attempts is 0")
					.contains("chat.default-provider is not set");
				assertNoSecret(context, analysis);
			});
	}

	@Test
	void unknownPropertyNameFailsNamingIt() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.api-key=" + SECRET, "chat.providers.kuai.options.temprature=0.7")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.contains("chat.providers.kuai.options.temprature is not a chat property; did you mean "
							+ "chat.providers.kuai.options.temperature?")
					.doesNotContain("Bindable");
				assertThat(analysis.getAction()).contains("Update your application's configuration");
				assertNoSecret(context, analysis);
			});
	}

	@Test
	void unknownProviderPropertyFailsNamingIt() {
		this.runner.withPropertyValues("chat.providers.kuai.base-uri=https://api.kuaiai.app/")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("chat.providers.kuai.base-uri"));
	}

	@Test
	void unknownTopLevelPropertyFailsNamingIt() {
		this.runner
			.withPropertyValues("chat.default-providr=kuai", "chat.providers.kuai.base-url=https://api.kuaiai.app/")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("chat.default-providr"));
	}

	@Test
	void unknownEnumValueFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.dialect.max-tokens-field=max_output_tokens")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("chat.providers.kuai.dialect.max-tokens-field")
					.contains("max_output_tokens");
				assertThat(analysis.getAction()).contains("MAX_TOKENS").contains("MAX_COMPLETION_TOKENS");
			});
	}

	@Test
	void malformedDurationFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.connect-timeout=ten seconds")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.kuai.connect-timeout"));
	}

	@Test
	void unknownSslBundleListsTheKnownBundles() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.ssl-bundle=corp",
					"spring.ssl.bundle.pem.internal.truststore.certificate=classpath:test-server.crt")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(
						"chat.providers.kuai.ssl-bundle is 'corp' but there is no SSL bundle of that name; the configured bundles are [internal]");
				assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.corp");
			});
	}

	@Test
	void providerNameTakenByAnotherKindOfBean() {
		this.runner.withPropertyValues("chat.providers.clock.base-url=https://api.kuaiai.app/")
			.withUserConfiguration(ClockConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("The provider name 'clock' is taken by a bean of type");
				assertThat(analysis.getAction()).contains("Rename the provider under chat.providers");
			});
	}

	@Test
	void missingTemplateWithoutProviders() {
		this.runner.withUserConfiguration(NeedsTemplateConfiguration.class).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(
					"A component needs a ChatTemplate bean but no chat provider is configured under chat.providers");
			assertThat(analysis.getAction()).contains("chat.providers.openai.base-url=https://api.openai.com/v1");
		});
	}

	@Test
	void missingRegistryWithoutProviders() {
		this.runner.withUserConfiguration(NeedsRegistryConfiguration.class).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("A component needs a ChatTemplates bean but no chat provider");
		});
	}

	@Test
	void missingTemplateWhenDisabled() {
		this.runner.withPropertyValues("chat.enabled=false", "chat.providers.kuai.base-url=https://api.kuaiai.app/")
			.withUserConfiguration(NeedsTemplateConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure(), "chat.enabled=false");
				assertThat(analysis.getDescription()).contains("chat.enabled is false");
				assertThat(analysis.getAction()).contains("Remove chat.enabled=false");
			});
	}

	@Test
	void qualifierOfAnUnknownProvider() {
		String[] properties = { "chat.providers.kuai.base-url=https://api.kuaiai.app/" };
		this.runner.withPropertyValues(properties)
			.withUserConfiguration(NeedsOpenAiConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure(), properties);
				assertThat(analysis.getDescription()).contains("The configured chat providers are [kuai]")
					.contains("openai");
				assertThat(analysis.getAction()).contains("Use one of [kuai] as the qualifier");
			});
	}

	@Test
	void replacedDefaultTemplateThatIsNotPrimary() {
		this.runner
			.withPropertyValues("chat.default-provider=kuai", "chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.aigc.base-url=https://api2.aigcbest.top/v1")
			.withUserConfiguration(OwnKuaiConfiguration.class, NeedsTemplateConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("needs a ChatTemplate bean but there are 2")
					.contains("none of them is primary");
				assertThat(analysis.getAction()).contains("mark it @Primary");
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

	private static void assertNoSecret(AssertableApplicationContext context, FailureAnalysis analysis) {
		assertThat(analysis.getDescription()).doesNotContain(SECRET);
		assertThat(analysis.getAction()).doesNotContain(SECRET);
		for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
			assertThat(String.valueOf(failure.getMessage())).doesNotContain(SECRET);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		java.time.Clock clock() {
			return java.time.Clock.systemUTC();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsTemplateConfiguration {

		@Bean
		String needsTemplate(ChatTemplate template) {
			return template.provider();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsRegistryConfiguration {

		@Bean
		String needsRegistry(ChatTemplates templates) {
			return templates.defaultName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsOpenAiConfiguration {

		@Bean
		String needsOpenAi(@Qualifier("openai") ChatTemplate template) {
			return template.provider();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnKuaiConfiguration {

		@Bean
		ChatTemplate kuai() {
			return ChatTemplate.builder().provider("kuai").baseUrl("http://localhost:9").build();
		}

	}

}
