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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.chatstarter.autoconfigure.health.ChatHealthContributorAutoConfiguration;
import dev.chatstarter.autoconfigure.health.ChatHealthProperties;
import dev.chatstarter.core.ChatTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration mistakes a newcomer makes fail the startup in the starter's own
 * words: the property, where it was set, and the fix; never a stack trace, the binder's
 * internal text or a secret.
 */
class ChatConfigurationTrapsTests {

	private static final String SECRET = "sk-secret-0123456789";

	private static final String NL = System.lineSeparator();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class));

	@Test
	void unresolvedPlaceholderInTheApiKeyNamesTheVariable() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.api-key=" + SECRET + "${CHAT_TRAPS_MISSING_KEY}")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).isEqualTo("The chat configuration is invalid:" + NL + NL
						+ "    - chat.providers.fast.api-key refers to ${CHAT_TRAPS_MISSING_KEY} but it is not set: "
						+ "there is no environment variable or property of that name." + NL
						+ "      Origin: \"chat.providers.fast.api-key\" from property source \"test\"");
				assertThat(analysis.getAction()).isEqualTo("Update your application's configuration:" + NL + NL
						+ "    - Set the environment variable CHAT_TRAPS_MISSING_KEY before starting the application, or "
						+ "write ${CHAT_TRAPS_MISSING_KEY:} if chat.providers.fast.api-key may be empty.");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
			});
	}

	@Test
	void unresolvedPlaceholderInTheBaseUrlIsReportedAsSuchNotAsABadUrl() {
		this.runner.withPropertyValues("chat.providers.fast.base-url=${CHAT_TRAPS_BASE_URL}")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("chat.providers.fast.base-url refers to ${CHAT_TRAPS_BASE_URL} but it is not set")
				.doesNotContain("not a valid URL"));
	}

	@Test
	void placeholderWithAnEmptyDefaultIsAllowed() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.api-key=${CHAT_TRAPS_MISSING_KEY:}")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChatTemplate.class));
	}

	@Test
	void unresolvedPlaceholderInAHeaderNamesTheVariableAndWhereItWasSet() {
		yaml("traps/header-placeholder.yml").run((context) -> assertThat(analyze(context).getDescription())
			.isEqualTo("The chat configuration is invalid:" + NL + NL
					+ "    - chat.providers.fast.headers.X-Team refers to ${CHAT_TRAPS_TEAM} but it is not set: there is "
					+ "no environment variable or property of that name." + NL
					+ "      Origin: class path resource [traps/header-placeholder.yml] - 6:17"));
	}

	@Test
	void unknownPropertyNamesSayWhereAndWhatWasMeant() {
		yaml("traps/api-kee.yml").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).isEqualTo("The chat configuration is invalid:" + NL + NL
					+ "    - chat.providers.fast.api-kee is not a chat property; did you mean chat.providers.fast.api-key?"
					+ NL + "      Origin: class path resource [traps/api-kee.yml] - 5:16" + NL
					+ "    - chat.providers.fast.options.temprature is not a chat property; did you mean "
					+ "chat.providers.fast.options.temperature?" + NL
					+ "      Origin: class path resource [traps/api-kee.yml] - 7:21");
			assertThat(analysis.getAction()).isEqualTo("Update your application's configuration:" + NL + NL
					+ "    - Rename chat.providers.fast.api-kee to chat.providers.fast.api-key." + NL
					+ "    - Rename chat.providers.fast.options.temprature to chat.providers.fast.options.temperature.");
			assertThat(analysis.getDescription()).doesNotContain("Bindable").doesNotContain(SECRET);
		});
	}

	@Test
	void unknownTopLevelNameSuggestsTheKnownOne() {
		this.runner
			.withPropertyValues("chat.provider.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.base-url=http://127.0.0.1:18081/v1")
			.run((context) -> assertThat(analyze(context).getDescription()).isEqualTo(
					"The chat configuration is invalid:" + NL + NL + "    - chat.provider.fast.base-url is not a chat "
							+ "property; did you mean chat.providers.fast.base-url?" + NL
							+ "      Origin: \"chat.provider.fast.base-url\" from property source \"test\""));
	}

	@Test
	void unknownNameFarFromAnyListsTheKnownNames() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.retry.colour=red")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).endsWith("    - chat.providers.fast.retry.colour is not a chat "
						+ "property: chat.providers.fast.retry has no property 'colour'." + NL
						+ "      Origin: \"chat.providers.fast.retry.colour\" from property source \"test\"");
				assertThat(analysis.getAction()).endsWith("    - Use one of [initial-backoff, jitter, max-attempts, "
						+ "max-backoff, max-retry-after] under chat.providers.fast.retry, or remove "
						+ "chat.providers.fast.retry.colour.");
			});
	}

	@Test
	void badHealthValuesGetTheStartersReport() {
		this.runner.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class))
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1", "chat.health.cache-ttl=-1s",
					"chat.health.timeout=0s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).isEqualTo("The chat configuration is invalid:" + NL + NL
						+ "    - chat.health.timeout is 0s but must be a positive duration." + NL
						+ "      Origin: \"chat.health.timeout\" from property source \"test\"" + NL
						+ "    - chat.health.cache-ttl is -1s but must not be negative." + NL
						+ "      Origin: \"chat.health.cache-ttl\" from property source \"test\"");
				assertThat(analysis.getAction()).contains(
						"Set chat.health.timeout to a positive duration such as 5s (the default), or remove it.",
						"Set chat.health.cache-ttl to 0 or a positive duration such as 30s (the default), or remove it.");
			});
	}

	@Test
	void unknownHealthPropertyGetsTheStartersReport() {
		this.runner.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class))
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1", "chat.health.timeuot=2s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.endsWith("    - chat.health.timeuot is not a chat property; " + "did you mean chat.health.timeout?"
							+ NL + "      Origin: \"chat.health.timeuot\" from property source \"test\"");
				assertThat(analysis.getAction()).endsWith("    - Rename chat.health.timeuot to chat.health.timeout.");
			});
	}

	@Test
	void concernPropertiesAreLeftToTheirConcernsByTheRootBinding() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.observations.log-prompts=false", "chat.web.problem-details.enabled=true",
					"chat.health.timeout=2s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void nonBooleanEnabledIsNamedWhenATemplateIsMissing() {
		this.runner.withPropertyValues("chat.enabled=flase", "chat.providers.fast.base-url=http://127.0.0.1:18081/v1")
			.withUserConfiguration(NeedsTemplateConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure(), "chat.enabled=flase");
				assertThat(analysis.getDescription()).isEqualTo("A component needs a ChatTemplate bean but "
						+ "chat.enabled is 'flase', which is not true or false, so the starter is off and no "
						+ "ChatTemplate beans were created." + NL
						+ "      Origin: \"chat.enabled\" from property source \"mockProperties\"");
				assertThat(analysis.getAction())
					.isEqualTo("Set chat.enabled to true or false, or remove it (the default is true).");
			});
	}

	@Test
	void durationsWithoutAUnitAreSeconds() {
		this.runner.withConfiguration(AutoConfigurations.of(ChatHealthContributorAutoConfiguration.class))
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.response-timeout=60", "chat.providers.fast.connect-timeout=500ms",
					"chat.tools.timeout=5", "chat.health.cache-ttl=10")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatProperties properties = context.getBean(ChatProperties.class);
				assertThat(properties.getProviders().get("fast").getResponseTimeout())
					.isEqualTo(Duration.ofSeconds(60));
				assertThat(properties.getProviders().get("fast").getConnectTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.getTools().getTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(ChatHealthProperties.class).getCacheTtl()).isEqualTo(Duration.ofSeconds(10));
			});
	}

	@Test
	void unreadableDurationNamesTheFormatsThatWork() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.connect-timeout=ten seconds")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).isEqualTo("The chat configuration is invalid:" + NL + NL
						+ "    - chat.providers.fast.connect-timeout is 'ten seconds', which is not a duration." + NL
						+ "      Origin: \"chat.providers.fast.connect-timeout\" from property source \"test\"");
				assertThat(analysis.getAction()).isEqualTo("Update your application's configuration:" + NL + NL
						+ "    - Write chat.providers.fast.connect-timeout with a unit, e.g. 500ms, 10s or 2m (or ISO-8601 "
						+ "PT10S); a bare number means seconds.");
			});
	}

	@Test
	void unreadableSizeNamesTheFormatsThatWork() {
		this.runner
			.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.fast.max-response-size=lots")
			.run((context) -> assertThat(analyze(context).getAction()).endsWith("    - Write "
					+ "chat.providers.fast.max-response-size with a unit, e.g. 512KB or 16MB; a bare number means bytes."));
	}

	@Test
	void baseUrlThatIsTheChatEndpointFailsSayingSo() {
		this.runner.withPropertyValues("chat.providers.fast.base-url=http://127.0.0.1:18081/v1/chat/completions")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).isEqualTo("The chat configuration is invalid:" + NL + NL
						+ "    - chat.providers.fast.base-url is 'http://127.0.0.1:18081/v1/chat/completions', which "
						+ "ends in /chat/completions: that is an endpoint, not the base URL. The starter adds "
						+ "/chat/completions (and /models for the health check) to the base URL itself." + NL
						+ "      Origin: \"chat.providers.fast.base-url\" from property source \"test\"");
				assertThat(analysis.getAction()).isEqualTo("Update your application's configuration:" + NL + NL
						+ "    - Set chat.providers.fast.base-url to 'http://127.0.0.1:18081/v1' (the URL without "
						+ "/chat/completions).");
			});
	}

	@Test
	void baseUrlThatIsTheModelsEndpointFailsToo() {
		this.runner.withPropertyValues("chat.providers.fast.base-url=https://api.example.com/v1/models/")
			.run((context) -> assertThat(analyze(context).getAction()).contains(
					"Set chat.providers.fast.base-url to 'https://api.example.com/v1' (the URL without /models)."));
	}

	@Test
	void unknownFallbackCarriesItsOrigin() {
		yaml("traps/fallback.yml").run((context) -> assertThat(analyze(context).getDescription())
			.isEqualTo("The chat configuration is invalid:" + NL + NL
					+ "    - chat.providers.fast.fallback names 'smrt' but there is no provider of that name; the "
					+ "configured providers are [fast, smart]." + NL
					+ "      Origin: class path resource [traps/fallback.yml] - 6:25"));
	}

	@Test
	void unknownToolCarriesItsOrigin() {
		yaml("traps/tools.yml").run((context) -> assertThat(analyze(context).getDescription())
			.isEqualTo("The chat configuration is invalid:" + NL + NL
					+ "    - chat.providers.fast.tools names [lookup_ordr] but the application has no such tool; it has "
					+ "no @ChatTool methods at all." + NL
					+ "      Origin: class path resource [traps/tools.yml] - 5:15"));
	}

	@Test
	void providerNamesWithUnderscoresAreKeptAsWritten() {
		this.runner
			.withPropertyValues("chat.default-provider=my_fast",
					"chat.providers.my_fast.base-url=http://127.0.0.1:18081/v1",
					"chat.providers.my_x.base-url=http://127.0.0.1:18082/v1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("my_fast", "my_x");
				assertThat(context.getBean("my_fast", ChatTemplate.class).provider()).isEqualTo("my_fast");
			});
	}

	private ApplicationContextRunner yaml(String resource) {
		return this.runner.withInitializer((context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource,
						new ClassPathResource(resource))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsTemplateConfiguration {

		@Bean
		String needsTemplate(ChatTemplate template) {
			return template.provider();
		}

	}

}
