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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

import dev.chatstarter.core.ChatTemplate;

/**
 * Registers one {@link ChatTemplate} bean definition per entry of {@code chat.providers},
 * named after the provider, the default provider's {@link RootBeanDefinition#setPrimary
 * primary}, and one per entry of {@code chat.routes}, named after the route
 * ({@link ChatRouteFactory}). The properties are bound and validated first, so a wrong
 * configuration fails the startup before any bean is created. A bean that already has a
 * provider's name replaces the auto-configured template.
 * <p>
 * Each template is defined by the static factory method
 * {@link ChatTemplateFactory#create} with the provider name as its argument, so Spring
 * AOT generates plain code for it. An AOT-processed context registers the build-time
 * templates from that code; this registrar then checks that the run-time providers have
 * the same names, and routes too (else the startup fails and says so) and makes the
 * run-time default provider the primary template.
 */
final class ChatTemplateRegistrar
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanNameAware, BeanClassLoaderAware {

	/**
	 * The prefixes of the concerns' own properties, bound and checked beside their
	 * auto-configurations.
	 */
	private static final List<ConfigurationPropertyName> CONCERNS = List.of(
			ConfigurationPropertyName.of(ChatProperties.PREFIX + ".health"),
			ConfigurationPropertyName.of(ChatProperties.PREFIX + ".observations"),
			ConfigurationPropertyName.of(ChatProperties.PREFIX + ".web"),
			ConfigurationPropertyName.of(ChatProperties.PREFIX + ".shared-state"));

	/**
	 * The bean definition attribute that names the provider of an auto-configured
	 * template.
	 */
	static final String PROVIDER_ATTRIBUTE = "dev.chatstarter.provider";

	/**
	 * The bean definition attribute that names the route of an auto-configured route
	 * template.
	 */
	static final String ROUTE_ATTRIBUTE = "dev.chatstarter.route";

	private static final Log logger = LogFactory.getLog(ChatTemplateRegistrar.class);

	private @Nullable Environment environment;

	private @Nullable String beanName;

	private @Nullable ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanName(String name) {
		this.beanName = name;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null, "environment was not set");
		BeanDefinition own = ownDefinition(registry);
		Set<String> aotProcessed = (own != null) ? AotProcessedProviders.read(own) : null;
		if (aotProcessed != null) {
			AotProcessedProviders.checkEnabled(this.environment);
		}
		ChatProperties properties = bind(this.environment);
		Set<String> names = properties.getProviders().keySet();
		Set<String> routes = properties.getRoutes().keySet();
		if (aotProcessed != null) {
			AotProcessedProviders.check(aotProcessed, names);
			AotProcessedProviders.checkRoutes(own, routes);
		}
		new ChatPropertiesValidator(new ChatPropertySources(this.environment)::origin,
				WebClientTransports.isPresent(this.classLoader))
			.validate(properties);
		String defaultName = properties.determineDefaultProvider();
		if (aotProcessed != null) {
			markDefault(registry, defaultName);
			return;
		}
		for (String name : names) {
			register(registry, TemplateKind.PROVIDER, name, name.equals(defaultName));
		}
		for (String route : routes) {
			register(registry, TemplateKind.ROUTE, route, route.equals(defaultName));
		}
		if (own != null) {
			AotProcessedProviders.record(own, names);
			AotProcessedProviders.recordRoutes(own, routes);
		}
	}

	private @Nullable BeanDefinition ownDefinition(BeanDefinitionRegistry registry) {
		return (this.beanName != null && registry.containsBeanDefinition(this.beanName))
				? registry.getBeanDefinition(this.beanName) : null;
	}

	/**
	 * Make the run-time default provider's template the primary one (an AOT-processed
	 * context was generated with the build-time default).
	 * @param registry the registry holding the templates' definitions
	 * @param defaultName the run-time default provider, or {@code null} for none
	 */
	private static void markDefault(BeanDefinitionRegistry registry, @Nullable String defaultName) {
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			for (TemplateKind kind : TemplateKind.values()) {
				if (definition.getAttribute(kind.attribute) instanceof String templateName) {
					definition.setPrimary(templateName.equals(defaultName));
				}
			}
		}
	}

	/**
	 * Bind {@code chat.*} the way
	 * {@code @ConfigurationProperties(ignoreUnknownFields = false)} does, so an unknown
	 * property name fails here with Spring Boot's own report.
	 * @param environment the environment
	 * @return the bound properties
	 */
	static ChatProperties bind(Environment environment) {
		BindHandler handler = new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
				new UnboundElementsSourceFilter());
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			sources.add(source.filter((name) -> !isConcernProperty(name)));
		}
		Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));
		return binder.bindOrCreate(ChatProperties.PREFIX, Bindable.of(ChatProperties.class), handler);
	}

	/**
	 * Whether a property belongs to the properties of a concern (health, observations,
	 * web, shared state), which their own auto-configurations bind and check.
	 * @param name the property's name
	 * @return whether it lies under {@code chat.health}, {@code chat.observations},
	 * {@code chat.web} or {@code chat.shared-state}
	 */
	private static boolean isConcernProperty(ConfigurationPropertyName name) {
		for (ConfigurationPropertyName concern : CONCERNS) {
			if (concern.isAncestorOf(name) || concern.equals(name)) {
				return true;
			}
		}
		return false;
	}

	private void register(BeanDefinitionRegistry registry, TemplateKind kind, String name, boolean primary) {
		if (isNameTaken(registry, name)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Not registering a ChatTemplate for " + kind.label + " '" + name
						+ "': a bean of that name already exists and replaces it");
			}
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(kind.factory);
		definition.setResolvedFactoryMethod(factoryMethod(kind.factory));
		definition.setTargetType(ChatTemplate.class);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
		definition.setAttribute(kind.attribute, name);
		definition.setPrimary(primary);
		definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
		definition.setDescription("ChatTemplate of chat " + kind.label + " '" + name + "'");
		registry.registerBeanDefinition(name, definition);
	}

	private static Method factoryMethod(Class<?> factory) {
		Method method = ReflectionUtils.findMethod(factory, "create", String.class, ListableBeanFactory.class);
		Assert.state(method != null, () -> factory.getSimpleName() + ".create(String, ListableBeanFactory) not found");
		return method;
	}

	private static boolean isNameTaken(BeanDefinitionRegistry registry, String name) {
		return registry.containsBeanDefinition(name) || registry.isAlias(name)
				|| (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name));
	}

	/**
	 * What an auto-configured template is made from: a provider or a route, each with its
	 * factory and the bean definition attribute that names it.
	 */
	private enum TemplateKind {

		PROVIDER("provider", ChatTemplateFactory.class, PROVIDER_ATTRIBUTE),

		ROUTE("route", ChatRouteFactory.class, ROUTE_ATTRIBUTE);

		private final String label;

		private final Class<?> factory;

		private final String attribute;

		TemplateKind(String label, Class<?> factory, String attribute) {
			this.label = label;
			this.factory = factory;
			this.attribute = attribute;
		}

	}

}
