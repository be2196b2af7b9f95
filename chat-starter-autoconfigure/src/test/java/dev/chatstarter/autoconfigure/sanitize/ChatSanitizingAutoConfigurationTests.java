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

package dev.chatstarter.autoconfigure.sanitize;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.autoconfigure.ChatProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatSanitizingAutoConfiguration}.
 */
class ChatSanitizingAutoConfigurationTests {

	private static final String SECRET = "sk-secret-0123456789";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, ChatSanitizingAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"chat.providers.kuai.base-url=https://api.kuaiai.app/", "chat.providers.kuai.api-key=" + SECRET,
				"chat.providers.kuai.headers.X-Team=search",
				"chat.providers.kuai.headers.Authorization=Bearer " + SECRET,
				"chat.providers.kuai.headers.X-Api-Key=" + SECRET,
				"chat.providers.kuai.headers.[x-auth-token]=" + SECRET);

	@Test
	@SuppressWarnings("unchecked")
	void configpropsMasksTheApiKeyAndCredentialHeadersEvenWhenShowingValues() {
		this.runner.run((context) -> {
			ConfigurationPropertiesReportEndpoint endpoint = context
				.getBean(ConfigurationPropertiesReportEndpoint.class);
			Map<String, Object> chat = endpoint.configurationPropertiesWithPrefix("chat")
				.getContexts()
				.get(context.getId())
				.getBeans()
				.values()
				.iterator()
				.next()
				.getProperties();
			Map<String, Object> kuai = (Map<String, Object>) ((Map<String, Object>) chat.get("providers")).get("kuai");
			assertThat(kuai).containsEntry("apiKey", SanitizableData.SANITIZED_VALUE)
				.containsEntry("baseUrl", "https://api.kuaiai.app/");
			assertThat((Map<String, Object>) kuai.get("headers")).containsEntry("X-Team", "search")
				.containsEntry("Authorization", SanitizableData.SANITIZED_VALUE)
				.containsEntry("X-Api-Key", SanitizableData.SANITIZED_VALUE)
				.containsEntry("x-auth-token", SanitizableData.SANITIZED_VALUE);
			assertThat(chat.toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void envMasksTheApiKeyAndCredentialHeadersEvenWhenShowingValues() {
		this.runner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(endpoint.environmentEntry("chat.providers.kuai.api-key").getProperty().getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(endpoint.environmentEntry("chat.providers.kuai.headers.Authorization").getProperty().getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(endpoint.environmentEntry("chat.providers.kuai.headers.X-Team").getProperty().getValue())
				.isEqualTo("search");
			assertThat(endpoint.environmentEntry("chat.providers.kuai.base-url").getProperty().getValue())
				.isEqualTo("https://api.kuaiai.app/");
		});
	}

	/**
	 * C5: a password in the base URL's user info and a key in its query are masked in
	 * configprops and env.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void baseUrlUserInfoAndQueryAreMasked() {
		this.runner
			.withPropertyValues("chat.default-provider=kuai",
					"chat.providers.down.base-url=http://admin:URLPASSWORD123@127.0.0.1:1/v1?key=QUERYSECRET123")
			.run((context) -> {
				Map<String, Object> chat = context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationPropertiesWithPrefix("chat")
					.getContexts()
					.get(context.getId())
					.getBeans()
					.values()
					.iterator()
					.next()
					.getProperties();
				Map<String, Object> down = (Map<String, Object>) ((Map<String, Object>) chat.get("providers"))
					.get("down");
				assertThat(down).containsEntry("baseUrl", "http://******@127.0.0.1:1/v1?******");
				assertThat(chat.toString()).doesNotContain("URLPASSWORD123", "QUERYSECRET123", "admin");
				Object env = context.getBean(EnvironmentEndpoint.class)
					.environmentEntry("chat.providers.down.base-url")
					.getProperty()
					.getValue();
				assertThat(env).isEqualTo("http://******@127.0.0.1:1/v1?******");
				assertThat(context.getBean(ChatProperties.class).getProviders().get("down").toString())
					.contains("http://127.0.0.1:1/v1")
					.doesNotContain("URLPASSWORD123", "QUERYSECRET123");
			});
	}

	/**
	 * C6: with {@code show-values: always}, a key given on the command line does not show
	 * through {@code sun.java.command}, and no property that contains a configured secret
	 * shows it.
	 */
	@Test
	void envNeverShowsAConfiguredSecretThroughAnotherProperty() {
		this.runner
			.withSystemProperties("sun.java.command=app.jar --chat.providers.kuai.api-key=" + SECRET,
					"JAVA_TOOL_OPTIONS=-Dchat.providers.kuai.api-key=" + SECRET)
			.withPropertyValues(
					"spring.application.json={\"chat\":{\"providers\":{\"kuai\":{\"api-key\":\"" + SECRET + "\"}}}}",
					"app.copy-of-the-key=Bearer " + SECRET + " (copied)",
					"app.header-token-copy=xyz-HEADERTOKEN-123456",
					"chat.providers.kuai.headers.X-Auth=xyz-HEADERTOKEN-123456",
					"chat.providers.kuai.headers.X-Trace=not-a-secret", "app.unrelated=not-a-secret")
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				for (String key : new String[] { "sun.java.command", "JAVA_TOOL_OPTIONS", "spring.application.json",
						"app.copy-of-the-key", "app.header-token-copy", "chat.providers.kuai.headers.X-Auth" }) {
					assertThat(endpoint.environmentEntry(key).getProperty().getValue()).as(key)
						.isEqualTo(SanitizableData.SANITIZED_VALUE);
				}
				assertThat(endpoint.environmentEntry("app.unrelated").getProperty().getValue())
					.as("the value of a header that is no credential is no secret")
					.isEqualTo("not-a-secret");
				assertThat(endpoint.environment(null).toString()).doesNotContain(SECRET, "HEADERTOKEN");
			});
	}

	@Test
	void commandLineAndJsonPropertiesAreMaskedInEverySpelling() {
		SanitizingFunction function = new ChatSanitizingFunction();
		for (String key : new String[] { "sun.java.command", "SPRING_APPLICATION_JSON", "spring.application.json",
				"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS" }) {
			assertThat(function.apply(new SanitizableData(null, key, "-jar app.jar")).getValue()).as(key)
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
	}

	@Test
	void shortConfiguredValuesAreNoSecretsToSearchFor() {
		ChatProperties properties = new ChatProperties();
		ChatProperties.Provider provider = new ChatProperties.Provider();
		provider.setApiKey(" abc ");
		provider.setBaseUrl("https://user:s3cr3t-pass@h/v1?key=query-secret&x=1");
		provider.getHeaders().put("Authorization", "Bearer token-123456");
		properties.getProviders().put("p", provider);
		assertThat(ConfiguredSecrets.of(properties)).containsExactlyInAnyOrder("user:s3cr3t-pass", "s3cr3t-pass",
				"query-secret", "Bearer token-123456", "token-123456");
	}

	@Test
	void everySpellingOfTheKeyIsMasked() {
		SanitizingFunction function = new ChatSanitizingFunction();
		for (String key : new String[] { "chat.providers.kuai.api-key", "chat.providers.kuai.apiKey",
				"chat.providers.kuai.api_key", "CHAT_PROVIDERS_KUAI_APIKEY", "CHAT_PROVIDERS_KUAI_API_KEY",
				"chat.providers[kuai].api-key", "chat.providers.kuai.headers.Proxy-Authorization",
				"chat.providers.kuai.headers.api-key", "chat.providers.kuai.headers[X-Goog-Api-Key]",
				"chat.providers.kuai.headers.Cookie", "chat.providers.kuai.api-keys", "chat.providers.kuai.apiKeys",
				"chat.providers.kuai.api-keys[0]", "chat.providers.kuai.api-keys[12]", "CHAT_PROVIDERS_KUAI_APIKEYS_0",
				"chat.providers.kuai.api_keys.1" }) {
			assertThat(function.apply(new SanitizableData(null, key, SECRET)).getValue()).as(key)
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		for (String key : new String[] { "chat.providers.kuai.base-url", "chat.providers.kuai.model",
				"chat.providers.kuai.headers.X-Team", "other.api-key", "chat.default-provider",
				"chat.providers.kuai.key-pool.header", "chat.providers.kuai.key-pool.selection" }) {
			assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
		}
	}

	/**
	 * S3: the credential header names the review found unmasked, and names that only look
	 * like them.
	 */
	@Test
	void credentialHeaderNamesWithoutFalsePositives() {
		SanitizingFunction function = new ChatSanitizingFunction();
		for (String header : new String[] { "X-Auth", "X-Jwt", "X-Signature", "Session", "X-Session-Id", "X-PAT",
				"Private-Token", "X-Pass", "x_pat", "X-Bearer", "X-Amz-Security-Token", "Ocp-Apim-Subscription-Key",
				"X-Auth-Token", "Proxy-Authorization" }) {
			assertThat(function.apply(new SanitizableData(null, "chat.providers.kuai.headers." + header, SECRET))
				.getValue()).as(header).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		for (String header : new String[] { "X-Path", "Path", "X-Patch-Version", "X-Passenger-Id", "X-Team",
				"User-Agent", "Accept", "Content-Type", "X-Request-Id", "OpenAI-Organization", "X-Compat" }) {
			assertThat(function.apply(new SanitizableData(null, "chat.providers.kuai.headers." + header, "value"))
				.getValue()).as(header).isEqualTo("value");
		}
	}

	@Test
	void backsOffWithoutActuator() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatSanitizingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("chatSanitizingFunction"));
	}

}
