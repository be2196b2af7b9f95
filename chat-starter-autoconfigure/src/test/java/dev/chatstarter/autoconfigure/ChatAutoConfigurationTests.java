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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ToolChoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatAutoConfiguration}.
 */
class ChatAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class));

	private static final String[] TWO_PROVIDERS = { "chat.default-provider=aigc",
			"chat.providers.aigc.base-url=https://api2.aigcbest.top/v1", "chat.providers.aigc.api-key=sk-aigc",
			"chat.providers.aigc.model=gpt-4o", "chat.providers.kuai.base-url=https://api.kuaiai.app/",
			"chat.providers.kuai.api-key=sk-kuai", "chat.providers.kuai.model=gpt-3.5-turbo" };

	@Test
	void oneProviderBecomesTheDefaultTemplateNamedAfterIt() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.model=gpt-3.5-turbo")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatTemplate.class).hasBean("kuai");
				ChatTemplate template = context.getBean(ChatTemplate.class);
				assertThat(template.provider()).isEqualTo("kuai");
				assertThat(template.defaultOptions().model()).isEqualTo("gpt-3.5-turbo");
				assertThat(context.getBeanFactory().getBeanDefinition("kuai").isPrimary()).isTrue();
				ChatTemplates templates = context.getBean(ChatTemplates.class);
				assertThat(templates.names()).containsExactly("kuai");
				assertThat(templates.defaultName()).isEqualTo("kuai");
				assertThat(templates.getDefault()).isSameAs(template);
			});
	}

	@Test
	void severalProvidersBecomeOneTemplateEachWithTheDefaultPrimary() {
		this.runner.withPropertyValues(TWO_PROVIDERS).run((context) -> {
			assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("aigc", "kuai");
			assertThat(context.getBean("aigc", ChatTemplate.class).provider()).isEqualTo("aigc");
			assertThat(context.getBean("kuai", ChatTemplate.class).provider()).isEqualTo("kuai");
			assertThat(context.getBean(ChatTemplate.class)).isSameAs(context.getBean("aigc"));
			BeanDefinition kuai = context.getBeanFactory().getBeanDefinition("kuai");
			assertThat(kuai.isPrimary()).isFalse();
			assertThat(context.getBean("kuai", ChatTemplate.class).defaultOptions().model()).isEqualTo("gpt-3.5-turbo");
		});
	}

	@Test
	void theDefaultProviderDecidesThePrimaryBean() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withPropertyValues("chat.default-provider=kuai")
			.run((context) -> {
				assertThat(context.getBean(ChatTemplate.class).provider()).isEqualTo("kuai");
				assertThat(context.getBean(ChatTemplates.class).getDefault().provider()).isEqualTo("kuai");
			});
	}

	@Test
	void templatesAreInjectedByQualifierByMapAndAsPrimary() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withUserConfiguration(InjectingConfiguration.class)
			.run((context) -> {
				Injected injected = context.getBean(Injected.class);
				assertThat(injected.kuai().provider()).isEqualTo("kuai");
				assertThat(injected.aigc().provider()).isEqualTo("aigc");
				assertThat(injected.primary().provider()).isEqualTo("aigc");
				assertThat(injected.byName()).containsOnlyKeys("aigc", "kuai");
				assertThat(injected.byName().get("kuai")).isSameAs(injected.kuai());
				assertThat(injected.templates().get("kuai")).isSameAs(injected.kuai());
			});
	}

	@Test
	void registryKeepsTheConfiguredOrderAndNamesTheKnownProvidersForAnUnknownName() {
		this.runner.withPropertyValues("chat.default-provider=beta", "chat.providers.zeta.base-url=http://localhost:1",
				"chat.providers.alpha.base-url=http://localhost:2", "chat.providers.beta.base-url=http://localhost:3")
			.run((context) -> {
				ChatTemplates templates = context.getBean(ChatTemplates.class);
				assertThat(templates.names()).containsExactly("zeta", "alpha", "beta");
				assertThat(templates.asMap()).containsOnlyKeys("zeta", "alpha", "beta");
				assertThat(templates.defaultName()).isEqualTo("beta");
				assertThat(templates.find("alpha")).containsSame(context.getBean("alpha", ChatTemplate.class));
				assertThat(templates.find("gamma")).isEmpty();
				assertThatIllegalArgumentException().isThrownBy(() -> templates.get("gamma"))
					.withMessageContaining("gamma")
					.withMessageContaining("[zeta, alpha, beta]");
			});
	}

	@Test
	void templatesAppearWithoutAnApiKey() {
		this.runner.withPropertyValues("chat.providers.local.base-url=http://localhost:11434/v1").run((context) -> {
			assertThat(context).hasSingleBean(ChatTemplate.class).hasSingleBean(ChatTemplates.class);
			assertThat(context.getBean(ChatTemplate.class).provider()).isEqualTo("local");
		});
	}

	@Test
	void everyOptionIsBoundIntoTheDefaultOptions() {
		String prefix = "chat.providers.kuai.options.";
		this.runner.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
				"chat.providers.kuai.model=gpt-4o", prefix + "temperature=0.7", prefix + "top-p=0.9", prefix + "n=2",
				prefix + "stop=END,STOP", prefix + "max-tokens=1024", prefix + "max-completion-tokens=2048",
				prefix + "presence-penalty=0.5", prefix + "frequency-penalty=-0.5", prefix + "logit-bias.50256=-100",
				prefix + "user=team-search", prefix + "seed=42", prefix + "logprobs=true", prefix + "top-logprobs=3",
				prefix + "reasoning-effort=high", prefix + "tool-choice=lookup_weather",
				prefix + "parallel-tool-calls=false", prefix + "extra-body.[enable_thinking]=false",
				prefix + "extra-body.[top_k]=40", prefix + "extra-body.[min_p]=0.05", prefix + "extra-body.region=eu",
				prefix + "extra-body.[stop_token_ids][0]=7", prefix + "extra-body.[stop_token_ids][1]=8")
			.run((context) -> {
				ChatOptions options = context.getBean(ChatTemplate.class).defaultOptions();
				assertThat(options.model()).isEqualTo("gpt-4o");
				assertThat(options.temperature()).isEqualTo(0.7);
				assertThat(options.topP()).isEqualTo(0.9);
				assertThat(options.n()).isEqualTo(2);
				assertThat(options.stop()).containsExactly("END", "STOP");
				assertThat(options.maxTokens()).isEqualTo(1024);
				assertThat(options.maxCompletionTokens()).isEqualTo(2048);
				assertThat(options.presencePenalty()).isEqualTo(0.5);
				assertThat(options.frequencyPenalty()).isEqualTo(-0.5);
				assertThat(options.logitBias()).containsExactly(Map.entry("50256", -100));
				assertThat(options.user()).isEqualTo("team-search");
				assertThat(options.seed()).isEqualTo(42L);
				assertThat(options.logprobs()).isTrue();
				assertThat(options.topLogprobs()).isEqualTo(3);
				assertThat(options.reasoningEffort()).isEqualTo("high");
				assertThat(options.toolChoice()).isEqualTo(ToolChoice.function("lookup_weather"));
				assertThat(options.parallelToolCalls()).isFalse();
				assertThat(options.extraBody()).containsEntry("enable_thinking", false)
					.containsEntry("top_k", 40L)
					.containsEntry("min_p", new BigDecimal("0.05"))
					.containsEntry("region", "eu")
					.containsEntry("stop_token_ids", List.of(7L, 8L));
				assertThat(options.responseFormat()).isNull();
				assertThat(options.tools()).isNull();
			});
	}

	@Test
	void unsetOptionsStayUnset() {
		this.runner.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/")
			.run((context) -> assertThat(context.getBean(ChatTemplate.class).defaultOptions())
				.isEqualTo(ChatOptions.empty()));
	}

	@Test
	void toolChoiceKeywordsAreRecognised() {
		this.runner
			.withPropertyValues("chat.providers.kuai.base-url=https://api.kuaiai.app/",
					"chat.providers.kuai.options.tool-choice=required")
			.run((context) -> assertThat(context.getBean(ChatTemplate.class).defaultOptions().toolChoice())
				.isEqualTo(ToolChoice.required()));
	}

	@Test
	void providerSettingsAreBound() {
		String prefix = "chat.providers.kuai.";
		this.runner.withPropertyValues(prefix + "base-url=https://api.kuaiai.app/", prefix + "headers.X-Team=search",
				prefix + "connect-timeout=3s", prefix + "response-timeout=2m", prefix + "stream-idle-timeout=90s",
				prefix + "retry.max-attempts=5", prefix + "retry.initial-backoff=1s", prefix + "retry.max-backoff=20s",
				prefix + "retry.max-retry-after=30s", prefix + "retry.jitter=0.25",
				prefix + "dialect.max-tokens-field=max-completion-tokens", prefix + "dialect.stream-usage=false",
				prefix + "dialect.developer-role=false", prefix + "dialect.assistant-tool-call-content=empty",
				prefix + "dialect.parallel-tool-calls=false", prefix + "dialect.echo-reasoning-content=true",
				prefix + "dialect.structured-output=json-object", prefix + "http-version=http-2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatProperties.Provider kuai = context.getBean(ChatProperties.class).getProviders().get("kuai");
				assertThat(kuai.getHeaders()).containsEntry("X-Team", "search");
				assertThat(ChatTemplateFactory.toRetryPolicy(kuai.getRetry())).hasToString(
						"RetryPolicy[maxAttempts=5, initialBackoff=PT1S, maxBackoff=PT20S, maxRetryAfter=PT30S, jitter=0.25]");
				assertThat(ChatTemplateFactory.toDialect(kuai.getDialect())).hasToString("ProviderDialect["
						+ "maxTokensField=MAX_COMPLETION_TOKENS, streamUsage=false, developerRole=false, "
						+ "assistantToolCallContent=EMPTY, parallelToolCalls=false, echoReasoningContent=true, "
						+ "structuredOutput=JSON_OBJECT]");
				assertThat(kuai.getHttpVersion()).hasToString("HTTP_2");
				assertThat(kuai.getConnectTimeout()).hasSeconds(3);
				assertThat(kuai.getResponseTimeout()).hasMinutes(2);
				assertThat(kuai.getStreamIdleTimeout()).hasSeconds(90);
			});
	}

	@Test
	void customizersAreAppliedInOrderToEveryProviderAfterTheProperties() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withPropertyValues("chat.providers.kuai.options.user=from-properties")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				List<String> calls = context.getBean(CustomizerConfiguration.class).calls;
				assertThat(calls).containsExactlyInAnyOrder("first:aigc", "second:aigc", "first:kuai", "second:kuai");
				assertThat(calls.indexOf("first:aigc")).isLessThan(calls.indexOf("second:aigc"));
				assertThat(calls.indexOf("first:kuai")).isLessThan(calls.indexOf("second:kuai"));
				assertThat(context.getBean("kuai", ChatTemplate.class).defaultOptions().user()).isEqualTo("second");
				assertThat(context.getBean("aigc", ChatTemplate.class).defaultOptions().user()).isEqualTo("second");
			});
	}

	@Test
	void aBeanWithTheProviderNameReplacesTheTemplate() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withUserConfiguration(OwnKuaiConfiguration.class)
			.run((context) -> {
				ChatTemplate own = context.getBean(OwnKuaiConfiguration.class).kuai;
				assertThat(context.getBean("kuai")).isSameAs(own);
				assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("aigc", "kuai");
				assertThat(context.getBean(ChatTemplates.class).get("kuai")).isSameAs(own);
				assertThat(context.getBean(ChatTemplate.class).provider()).isEqualTo("aigc");
			});
	}

	@Test
	void aRegistryOfTheApplicationReplacesOurs() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withUserConfiguration(OwnRegistryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatTemplates.class);
				assertThat(context.getBean(ChatTemplates.class).names()).containsExactly("own");
				assertThat(context.getBeansOfType(ChatTemplate.class)).containsKeys("aigc", "kuai");
			});
	}

	@Test
	void disabledCreatesNothing() {
		this.runner.withPropertyValues(TWO_PROVIDERS)
			.withPropertyValues("chat.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ChatTemplate.class)
				.doesNotHaveBean(ChatTemplates.class)
				.doesNotHaveBean(ChatProperties.class));
	}

	@Test
	void disabledSkipsValidation() {
		this.runner.withPropertyValues("chat.enabled=false", "chat.providers.broken.connect-timeout=-1s")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatTemplate.class));
	}

	@Test
	void noProvidersMeansNoTemplatesNoRegistryAndNoFailure() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ChatTemplate.class)
			.doesNotHaveBean(ChatTemplates.class)
			.hasSingleBean(ChatProperties.class));
	}

	@Test
	void worksInAServletWebApplication() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
			.withPropertyValues(TWO_PROVIDERS)
			.run((context) -> {
				assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("aigc", "kuai");
				assertThat(context).hasSingleBean(ChatTemplates.class);
			});
	}

	@Test
	void worksInAReactiveWebApplicationWithBootsWebClientBuilder() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues(TWO_PROVIDERS)
			.run((context) -> {
				assertThat(context.getBeansOfType(ChatTemplate.class)).containsOnlyKeys("aigc", "kuai");
				assertThat(context.getBean(ChatTemplate.class).provider()).isEqualTo("aigc");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectingConfiguration {

		@Bean
		Injected injected(@Qualifier("kuai") ChatTemplate kuai, @Qualifier("aigc") ChatTemplate aigc,
				ChatTemplate primary, Map<String, ChatTemplate> byName, ChatTemplates templates) {
			return new Injected(kuai, aigc, primary, byName, templates);
		}

	}

	record Injected(ChatTemplate kuai, ChatTemplate aigc, ChatTemplate primary, Map<String, ChatTemplate> byName,
			ChatTemplates templates) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		ChatTemplateCustomizer second() {
			return (provider, builder) -> {
				this.calls.add("second:" + provider);
				builder.defaultOptions((options) -> options.user("second"));
			};
		}

		@Bean
		@Order(1)
		ChatTemplateCustomizer first() {
			return (provider, builder) -> {
				this.calls.add("first:" + provider);
				builder.defaultOptions((options) -> options.user("first"));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnKuaiConfiguration {

		final ChatTemplate kuai = ChatTemplate.builder().provider("kuai").baseUrl("http://localhost:9").build();

		@Bean
		ChatTemplate kuai() {
			return this.kuai;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistryConfiguration {

		@Bean
		ChatTemplates ownTemplates() {
			return ChatTemplates.of(ChatTemplate.builder().provider("own").baseUrl("http://localhost:9").build());
		}

	}

}
