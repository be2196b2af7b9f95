package dev.chatstarter.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.ChatTemplate;

import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.InstanceSupplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Registers one {@link ChatTemplate} bean definition per entry of {@code chat.providers}, named after the provider,
 * the default provider's {@link RootBeanDefinition#setPrimary primary}. The properties are bound and validated first,
 * so a wrong configuration fails the startup before any bean is created. A bean that already has a provider's name
 * replaces the auto-configured template.
 */
final class ChatTemplateRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(ChatTemplateRegistrar.class);

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null, "environment was not set");
		ChatProperties properties = bind(this.environment);
		new ChatPropertiesValidator(new ChatPropertySources(this.environment)::origin).validate(properties);
		String defaultName = properties.determineDefaultProvider();
		for (String name : properties.getProviders().keySet()) {
			register(registry, name, name.equals(defaultName));
		}
	}

	/**
	 * Bind {@code chat.*} the way {@code @ConfigurationProperties(ignoreUnknownFields = false)} does, so an unknown
	 * property name fails here with Spring Boot's own report.
	 * @param environment the environment
	 * @return the bound properties
	 */
	static ChatProperties bind(Environment environment) {
		BindHandler handler = new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
				new UnboundElementsSourceFilter());
		return Binder.get(environment).bindOrCreate(ChatProperties.PREFIX, Bindable.of(ChatProperties.class), handler);
	}

	private void register(BeanDefinitionRegistry registry, String name, boolean primary) {
		if (isNameTaken(registry, name)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Not registering a ChatTemplate for provider '" + name
						+ "': a bean of that name already exists and replaces it");
			}
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(ChatTemplate.class);
		definition.setTargetType(ChatTemplate.class);
		definition.setInstanceSupplier(InstanceSupplier
			.of((registeredBean) -> ChatTemplateFactory.create(name, registeredBean.getBeanFactory())));
		definition.setPrimary(primary);
		definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
		definition.setDescription("ChatTemplate of chat provider '" + name + "'");
		registry.registerBeanDefinition(name, definition);
	}

	private static boolean isNameTaken(BeanDefinitionRegistry registry, String name) {
		return registry.containsBeanDefinition(name) || registry.isAlias(name)
				|| (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name));
	}

}
