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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;
import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.tool.ToolErrorConverter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for chat providers: one {@link ChatTemplate} bean per entry of
 * {@code chat.providers}, named after the provider (so {@code @Qualifier("kuai")} and
 * {@code Map<String, ChatTemplate>} injection work), the default provider's template
 * {@link org.springframework.context.annotation.Primary primary}, and a
 * {@link ChatTemplates} registry. A bean with a provider's name replaces that provider's
 * template. The templates start from Spring Boot's
 * {@link org.springframework.web.reactive.function.client.WebClient.Builder
 * WebClient.Builder} and Jackson {@link tools.jackson.databind.json.JsonMapper
 * JsonMapper} when present, and {@link ChatTemplateCustomizer} beans adjust them. With no
 * provider configured there are no templates and no registry.
 */
@AutoConfiguration(after = SslAutoConfiguration.class,
		afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "chat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatProperties.class)
public final class ChatAutoConfiguration {

	@Bean
	static ChatTemplateRegistrar chatTemplateRegistrar() {
		return new ChatTemplateRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	static ChatToolDiscoverer chatToolDiscoverer() {
		return new ChatToolDiscoverer();
	}

	/**
	 * What the model sees of a failing tool call; an application bean of this type
	 * replaces the neutral default.
	 * @return the neutral converter
	 */
	@Bean
	@ConditionalOnMissingBean
	static ToolErrorConverter chatToolErrorConverter() {
		return ToolErrorConverter.neutral();
	}

	@Bean
	@Conditional(OnChatProvidersCondition.class)
	static ProviderToolsValidator chatProviderToolsValidator(ObjectProvider<ChatProperties> properties,
			ObjectProvider<ChatToolDiscoverer> discoverer, Environment environment) {
		return new ProviderToolsValidator(properties, discoverer, new ChatPropertySources(environment)::origin);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnChatProvidersCondition.class)
	ChatTemplates chatTemplates(ChatProperties properties, ConfigurableListableBeanFactory beanFactory) {
		Map<String, ChatTemplate> templates = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		addTemplates("provider", properties.getProviders().keySet(), beanFactory, templates, problems);
		addTemplates("route", properties.getRoutes().keySet(), beanFactory, templates, problems);
		if (!problems.isEmpty()) {
			throw new InvalidChatConfigurationException(problems);
		}
		String defaultName = properties.determineDefaultProvider();
		Assert.state(defaultName != null, "the default provider was not validated");
		return ChatTemplates.of(templates, defaultName);
	}

	private static void addTemplates(String kind, Set<String> names, ConfigurableListableBeanFactory beanFactory,
			Map<String, ChatTemplate> templates, List<Problem> problems) {
		for (String name : names) {
			if (beanFactory.isTypeMatch(name, ChatTemplate.class)) {
				templates.put(name, beanFactory.getBean(name, ChatTemplate.class));
			}
			else {
				String property = ChatProperties.PREFIX + "." + kind + "s." + name;
				problems.add(new Problem(property, null,
						"The " + kind + " name '" + name + "' is taken by a bean of type " + beanFactory.getType(name)
								+ ", which is not a ChatTemplate.",
						"Rename the " + kind + " under " + ChatProperties.PREFIX + "." + kind
								+ "s, or give that bean another name."));
			}
		}
	}

}
