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

package dev.chatstarter.springai.autoconfigure;

import java.lang.reflect.Method;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.springai.ChatStarterChatModel;

/**
 * Registers, per entry of {@code chat.providers}, a Spring AI {@link ChatModel} bean
 * named {@code <provider>SpringAiChatModel} on the provider's {@link ChatTemplate}, and a
 * prototype {@link ChatClient.Builder} bean named {@code <provider>ChatClientBuilder} on
 * that model (when Spring AI's {@code ChatClient} is on the class path). Both carry the
 * qualifier {@code <provider>}, like the template, so
 * {@code @Qualifier("kuai") ChatModel} and {@code @Qualifier("kuai") ChatClient.Builder}
 * work; the default provider's are {@linkplain RootBeanDefinition#setPrimary primary}, so
 * unqualified injection (and Spring AI's own {@code ChatClientAutoConfiguration}) gets
 * the default provider. A bean that already has one of these names replaces it.
 * <p>
 * Each bean is defined by a static factory method
 * ({@link SpringAiChatModelFactory#chatModel},
 * {@link ChatClientBuilderFactory#chatClientBuilder}) with the provider name as its
 * argument, so Spring AOT generates plain code for it; in an AOT-processed context
 * chat-starter's registrar makes the run-time default provider's beans primary.
 */
final class SpringAiChatModelRegistrar
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

	/** The suffix of the {@link ChatModel} bean names. */
	static final String CHAT_MODEL_SUFFIX = "SpringAiChatModel";

	/** The suffix of the {@link ChatClient.Builder} bean names. */
	static final String CHAT_CLIENT_BUILDER_SUFFIX = "ChatClientBuilder";

	/**
	 * The bean definition attribute that names the provider of a bean, the one
	 * chat-starter's registrar sets on its templates and reads in an AOT-processed
	 * context to make the run-time default provider's beans primary.
	 */
	static final String PROVIDER_ATTRIBUTE = "dev.chatstarter.provider";

	private static final Log logger = LogFactory.getLog(SpringAiChatModelRegistrar.class);

	private static final String CHAT_CLIENT = "org.springframework.ai.chat.client.ChatClient";

	private @Nullable Environment environment;

	private @Nullable ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null, "environment was not set");
		// chat-starter's own registrar binds and validates the same properties and fails
		// the startup when wrong
		ChatProperties properties = Binder.get(this.environment)
			.bindOrCreate(ChatProperties.PREFIX, Bindable.of(ChatProperties.class));
		String defaultName = properties.determineDefaultProvider();
		boolean chatClientPresent = ClassUtils.isPresent(CHAT_CLIENT, this.classLoader);
		for (String name : properties.templateNames()) {
			boolean primary = name.equals(defaultName);
			registerChatModel(registry, name, primary);
			if (chatClientPresent) {
				ChatClientBuilders.register(registry, name, primary);
			}
		}
	}

	private static void registerChatModel(BeanDefinitionRegistry registry, String provider, boolean primary) {
		String beanName = provider + CHAT_MODEL_SUFFIX;
		if (isNameTaken(registry, beanName)) {
			return;
		}
		registry.registerBeanDefinition(beanName,
				definition(SpringAiChatModelFactory.class, "chatModel", ChatStarterChatModel.class, provider, primary,
						"Spring AI ChatModel of chat provider '" + provider + "'"));
	}

	/**
	 * A bean definition on a static factory method
	 * {@code (String provider, ListableBeanFactory)}, with the provider name as its
	 * argument, so Spring AOT generates plain code for it (it rejects instance
	 * suppliers). The {@value #PROVIDER_ATTRIBUTE} attribute lets chat-starter's
	 * registrar make the run-time default provider's beans the primary ones in an
	 * AOT-processed context.
	 * @param factory the class that declares the static factory method
	 * @param factoryMethod the name of the factory method
	 * @param type the type of the bean the factory method creates
	 * @param provider the provider name, the factory method's argument and the bean's
	 * qualifier
	 * @param primary whether the bean is primary, as those of the default provider are
	 * @param description the description of the bean definition
	 * @return the bean definition
	 */
	static RootBeanDefinition definition(Class<?> factory, String factoryMethod, Class<?> type, String provider,
			boolean primary, String description) {
		Method method = ReflectionUtils.findMethod(factory, factoryMethod, String.class, ListableBeanFactory.class);
		Assert.state(method != null, () -> factory.getSimpleName() + "." + factoryMethod + " not found");
		RootBeanDefinition definition = new RootBeanDefinition(factory);
		definition.setResolvedFactoryMethod(method);
		definition.setTargetType(type);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, provider);
		definition.setAttribute(PROVIDER_ATTRIBUTE, provider);
		definition.setPrimary(primary);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, provider));
		definition.setDescription(description);
		return definition;
	}

	static boolean isNameTaken(BeanDefinitionRegistry registry, String name) {
		boolean taken = registry.containsBeanDefinition(name) || registry.isAlias(name)
				|| (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name));
		if (taken && logger.isDebugEnabled()) {
			logger.debug("Not registering bean '" + name + "': a bean of that name already exists and replaces it");
		}
		return taken;
	}

	/**
	 * The {@link ChatClient.Builder} beans, in a class of their own so that nothing of
	 * {@code ChatClient} is loaded when it is not on the class path.
	 */
	private static final class ChatClientBuilders {

		static void register(BeanDefinitionRegistry registry, String provider, boolean primary) {
			String beanName = provider + CHAT_CLIENT_BUILDER_SUFFIX;
			if (isNameTaken(registry, beanName)) {
				return;
			}
			RootBeanDefinition definition = definition(ChatClientBuilderFactory.class, "chatClientBuilder",
					ChatClient.Builder.class, provider, primary,
					"Spring AI ChatClient.Builder of chat provider '" + provider + "'");
			definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
			registry.registerBeanDefinition(beanName, definition);
		}

	}

}
