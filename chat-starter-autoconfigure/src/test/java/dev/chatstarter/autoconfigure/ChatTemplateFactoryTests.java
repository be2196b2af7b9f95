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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.ProviderConnection;
import dev.chatstarter.core.http.ReactorNettyTransport;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.http.WebClientTransport;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.provider.ProviderDialect.AssistantToolCallContent;
import dev.chatstarter.core.provider.ProviderDialect.MaxTokensField;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link ChatTemplateFactory}: which builder calls the bound properties and the
 * application's beans turn into. Settings that {@link ChatTemplate} does not expose
 * (timeouts, retry, dialect, headers) are checked here, on a recording builder.
 */
class ChatTemplateFactoryTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues("chat.providers.kuai.base-url= https://api.kuaiai.app/ ");

	@Test
	void everyProviderSettingReachesTheBuilder() {
		String prefix = "chat.providers.kuai.";
		this.runner
			.withPropertyValues(prefix + "api-key=sk-kuai", prefix + "model=gpt-4o", prefix + "options.temperature=0.2",
					prefix + "headers.X-Team=search", prefix + "headers.X-Trace=on", prefix + "connect-timeout=3s",
					prefix + "response-timeout=45s", prefix + "stream-idle-timeout=90s",
					prefix + "retry.max-attempts=5", prefix + "retry.initial-backoff=1s",
					prefix + "retry.max-backoff=20s", prefix + "retry.max-retry-after=30s",
					prefix + "retry.jitter=0.25", prefix + "dialect.max-tokens-field=max-completion-tokens",
					prefix + "dialect.stream-usage=false", prefix + "dialect.developer-role=false",
					prefix + "dialect.assistant-tool-call-content=omit", prefix + "dialect.parallel-tool-calls=false",
					prefix + "dialect.echo-reasoning-content=true", prefix + "dialect.structured-output=prompt",
					prefix + "http-version=http-2", prefix + "max-stream-size=4MB", prefix + "call-timeout=5m")
			.run((context) -> {
				ChatTemplate.Builder builder = recordingBuilder();
				ChatTemplateFactory.configure(builder, "kuai", context);
				verify(builder).provider("kuai");
				verify(builder).baseUrl("https://api.kuaiai.app/");
				verify(builder).apiKey("sk-kuai");
				verify(builder).defaultOptions(ChatOptions.builder().model("gpt-4o").temperature(0.2).build());
				verify(builder).connectTimeout(Duration.ofSeconds(3));
				verify(builder).responseTimeout(Duration.ofSeconds(45));
				verify(builder).streamIdleTimeout(Duration.ofSeconds(90));
				verify(builder).retryPolicy(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(20),
						Duration.ofSeconds(30), 0.25));
				verify(builder).dialect(new ProviderDialect(MaxTokensField.MAX_COMPLETION_TOKENS, false, false,
						AssistantToolCallContent.OMIT, false, true, StructuredOutputMode.PROMPT));
				verify(builder).httpVersion(HttpVersion.HTTP_2);
				verify(builder).maxStreamSize(DataSize.ofMegabytes(4));
				verify(builder).callTimeout(Duration.ofMinutes(5));
				assertThat(appliedHeaders(builder).toSingleValueMap()).containsEntry("X-Team", "search")
					.containsEntry("X-Trace", "on")
					.hasSize(2);
			});
	}

	@Test
	void defaultsMatchTheCoreDefaults() {
		this.runner.run((context) -> {
			ChatTemplate.Builder builder = recordingBuilder();
			ChatTemplateFactory.configure(builder, "kuai", context);
			verify(builder).apiKey(null);
			verify(builder).defaultOptions(ChatOptions.empty());
			verify(builder).connectTimeout(Duration.ofSeconds(10));
			verify(builder).responseTimeout(Duration.ofSeconds(60));
			verify(builder).streamIdleTimeout(Duration.ofSeconds(120));
			verify(builder).retryPolicy(RetryPolicy.defaults());
			verify(builder).dialect(ProviderDialect.openAi());
			verify(builder).httpVersion(HttpVersion.HTTP_1_1);
			verify(builder).maxStreamSize(DataSize.ofBytes(HttpSettings.DEFAULT_MAX_STREAM_BYTES));
			verify(builder).callTimeout(null);
			assertThat(transport(builder)).isInstanceOf(ReactorNettyTransport.class);
			assertThat(appliedHeaders(builder).isEmpty()).isTrue();
		});
	}

	@Test
	void withTheWebClientTransportBootsWebClientBuilderAndJsonMapperAreUsedWhenPresent() {
		AtomicInteger webClientBuildersCreated = new AtomicInteger();
		this.runner
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("chat.providers.kuai.transport=web-client")
			.withBean(WebClientCustomizer.class, () -> (webClientBuilder) -> webClientBuildersCreated.incrementAndGet())
			.run((context) -> {
				ChatTemplate.Builder builder = recordingBuilder();
				ChatTemplateFactory.configure(builder, "kuai", context);
				ChatTransport transport = transport(builder);
				assertThat(transport).isInstanceOf(WebClientTransport.class);
				assertThat(webClientBuildersCreated)
					.as("Boot's builder is created by the first request, not at start-up")
					.hasValue(0);
				connect(transport);
				assertThat(webClientBuildersCreated).hasValue(1);
				verify(builder).jsonMapper(context.getBean(JsonMapper.class));
			});
	}

	@Test
	void withTheWebClientTransportAndNoBootBuilderAPlainWebClientIsUsed() {
		this.runner.withPropertyValues("chat.providers.kuai.transport=web-client").run((context) -> {
			ChatTemplate.Builder builder = recordingBuilder();
			ChatTemplateFactory.configure(builder, "kuai", context);
			ChatTransport transport = transport(builder);
			assertThat(transport).isInstanceOf(WebClientTransport.class);
			assertThat(connect(transport)).isNotNull();
		});
	}

	@Test
	void byDefaultBootsWebClientBuilderIsNotUsed() {
		AtomicInteger webClientBuildersCreated = new AtomicInteger();
		this.runner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withBean(WebClientCustomizer.class, () -> (webClientBuilder) -> webClientBuildersCreated.incrementAndGet())
			.run((context) -> {
				ChatTemplate.Builder builder = recordingBuilder();
				ChatTemplateFactory.configure(builder, "kuai", context);
				ChatTransport transport = transport(builder);
				assertThat(transport).isInstanceOf(ReactorNettyTransport.class);
				connect(transport);
				assertThat(webClientBuildersCreated).hasValue(0);
			});
	}

	@Test
	void withoutBootsJsonMapperTheCoreDefaultApplies() {
		this.runner.run((context) -> {
			ChatTemplate.Builder builder = recordingBuilder();
			ChatTemplateFactory.configure(builder, "kuai", context);
			verify(builder, never()).jsonMapper(any());
		});
	}

	@Test
	void theWebClientTransportWithoutWebFluxFailsAtStartupNamingWhatToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("chat.providers.kuai.transport=web-client")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidChatConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(
						"chat.providers.kuai.transport is web-client but Spring WebFlux's WebClient is not on the class path");
				assertThat(analysis.getAction()).contains(
						"Add org.springframework.boot:spring-boot-starter-webclient (or spring-boot-starter-webflux)");
			});
	}

	@Test
	void withoutWebFluxTheDefaultTransportWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChatTemplate.class));
	}

	@Test
	void customizersRunAfterThePropertiesAndTheSslBundle() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("chat.providers.kuai.ssl-bundle=corp",
					"spring.ssl.bundle.pem.corp.truststore.certificate=classpath:test-server.crt")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				ChatTemplate.Builder builder = recordingBuilder();
				ChatTemplateFactory.configure(builder, "kuai", context);
				var order = inOrder(builder);
				order.verify(builder).baseUrl("https://api.kuaiai.app/");
				order.verify(builder).transport(any(ReactorNettyTransport.class));
				order.verify(builder).defaultHeader("X-Customized", "kuai");
			});
	}

	@Test
	void extraBodyTextBecomesJsonValues() {
		assertThat(ChatTemplateFactory.toJsonMap(null)).isNull();
		assertThat(ChatTemplateFactory.toJsonMap(new LinkedHashMap<>(Map.of("a", "true", "b", "007", "c", "-12", "d",
				"1e3", "e", "text", "f", "99999999999999999999", "g", true))))
			.containsEntry("a", true)
			.containsEntry("b", "007")
			.containsEntry("c", -12L)
			.containsEntry("d", new BigDecimal("1e3"))
			.containsEntry("e", "text")
			.containsEntry("f", new BigInteger("99999999999999999999"))
			.containsEntry("g", true);
		assertThat(ChatTemplateFactory
			.toJsonMap(Map.of("nested", Map.of("1", "b", "0", "a"), "sparse", Map.of("0", "a", "2", "c"))))
			.containsEntry("nested", List.of("a", "b"))
			.containsEntry("sparse", Map.of("0", "a", "2", "c"));
	}

	private static ChatTemplate.Builder recordingBuilder() {
		return mock(ChatTemplate.Builder.class, RETURNS_SELF);
	}

	private static ChatTransport transport(ChatTemplate.Builder builder) {
		ArgumentCaptor<ChatTransport> captor = ArgumentCaptor.forClass(ChatTransport.class);
		verify(builder).transport(captor.capture());
		return captor.getValue();
	}

	/**
	 * Connect as a template's first request does, which gets the
	 * {@code WebClient.Builder} of a web-client transport.
	 */
	private static ProviderConnection connect(ChatTransport transport) {
		HttpSettings settings = new HttpSettings("http://127.0.0.1:1", null, HttpHeaders.EMPTY, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), RetryPolicy.none(), HttpVersion.HTTP_1_1);
		ConnectionProvider pool = ConnectionProvider.create("factory-tests", 1);
		try {
			return transport.connect(settings, pool);
		}
		finally {
			pool.dispose();
		}
	}

	@SuppressWarnings("unchecked")
	private static HttpHeaders appliedHeaders(ChatTemplate.Builder builder) {
		ArgumentCaptor<Consumer<HttpHeaders>> captor = ArgumentCaptor.forClass(Consumer.class);
		verify(builder).defaultHeaders(captor.capture());
		HttpHeaders headers = new HttpHeaders();
		captor.getAllValues().forEach((consumer) -> consumer.accept(headers));
		return headers;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		ChatTemplateCustomizer customizer() {
			return (provider, builder) -> builder.defaultHeader("X-Customized", provider);
		}

	}

}
