package dev.chatstarter.autoconfigure.sanitize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
		.withPropertyValues(
				"management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"chat.providers.kuai.base-url=https://api.kuaiai.app/", "chat.providers.kuai.api-key=" + SECRET,
				"chat.providers.kuai.headers.X-Team=search", "chat.providers.kuai.headers.Authorization=Bearer " + SECRET,
				"chat.providers.kuai.headers.X-Api-Key=" + SECRET, "chat.providers.kuai.headers.[x-auth-token]=" + SECRET);

	@Test
	@SuppressWarnings("unchecked")
	void configpropsMasksTheApiKeyAndCredentialHeadersEvenWhenShowingValues() {
		this.runner.run((context) -> {
			ConfigurationPropertiesReportEndpoint endpoint = context.getBean(ConfigurationPropertiesReportEndpoint.class);
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

	@Test
	void everySpellingOfTheKeyIsMasked() {
		SanitizingFunction function = new ChatSanitizingFunction();
		for (String key : new String[] { "chat.providers.kuai.api-key", "chat.providers.kuai.apiKey",
				"chat.providers.kuai.api_key", "CHAT_PROVIDERS_KUAI_APIKEY", "CHAT_PROVIDERS_KUAI_API_KEY",
				"chat.providers[kuai].api-key", "chat.providers.kuai.headers.Proxy-Authorization",
				"chat.providers.kuai.headers.api-key", "chat.providers.kuai.headers[X-Goog-Api-Key]",
				"chat.providers.kuai.headers.Cookie" }) {
			assertThat(function.apply(new SanitizableData(null, key, SECRET)).getValue()).as(key)
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		for (String key : new String[] { "chat.providers.kuai.base-url", "chat.providers.kuai.model",
				"chat.providers.kuai.headers.X-Team", "other.api-key", "chat.default-provider" }) {
			assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
		}
	}

	@Test
	void backsOffWithoutActuator() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatSanitizingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("chatSanitizingFunction"));
	}

}
