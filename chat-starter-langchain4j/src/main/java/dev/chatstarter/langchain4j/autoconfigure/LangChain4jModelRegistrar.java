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

package dev.chatstarter.langchain4j.autoconfigure;

import java.lang.reflect.Method;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.util.ReflectionUtils;

import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.ChatTemplate;

/**
 * Registers a LangChain4j {@link ChatModel} and {@link StreamingChatModel} bean
 * definition per entry of {@code chat.providers}, the way chat-starter registers its
 * {@link ChatTemplate}s: named {@code <provider>ChatModel} and
 * {@code <provider>StreamingChatModel}, qualified with the provider's name, the default
 * provider's primary. Each model looks its template up by the provider's name when it is
 * created, so a template bean the application defines in place of the auto-configured one
 * is used too. The properties are validated by chat-starter's own registrar; this one
 * only reads the provider names.
 * <p>
 * Each model is defined by a static factory method of {@link LangChain4jModelFactory}
 * with the provider name as its argument, so Spring AOT generates plain code for it; in
 * an AOT-processed context chat-starter's registrar makes the run-time default provider's
 * models primary.
 */
final class LangChain4jModelRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(LangChain4jModelRegistrar.class);

	/** The suffix of a provider's {@link ChatModel} bean name. */
	static final String CHAT_MODEL_SUFFIX = "ChatModel";

	/** The suffix of a provider's {@link StreamingChatModel} bean name. */
	static final String STREAMING_CHAT_MODEL_SUFFIX = "StreamingChatModel";

	/**
	 * The bean definition attribute that names the provider of a bean, the one
	 * chat-starter's registrar sets on its templates and reads in an AOT-processed
	 * context to make the run-time default provider's beans primary.
	 */
	static final String PROVIDER_ATTRIBUTE = "dev.chatstarter.provider";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null, "environment was not set");
		ChatProperties properties = Binder.get(this.environment)
			.bindOrCreate(ChatProperties.PREFIX, Bindable.of(ChatProperties.class));
		String defaultName = properties.determineDefaultProvider();
		for (String name : properties.templateNames()) {
			boolean primary = name.equals(defaultName);
			register(registry, name, name + CHAT_MODEL_SUFFIX, ChatModel.class, "chatModel", primary);
			register(registry, name, name + STREAMING_CHAT_MODEL_SUFFIX, StreamingChatModel.class, "streamingChatModel",
					primary);
		}
	}

	/**
	 * Register a model defined by a static factory method of
	 * {@link LangChain4jModelFactory} with the provider name as its argument, so Spring
	 * AOT generates plain code for it (it rejects instance suppliers).
	 * @param registry the registry to register the model's bean definition in
	 * @param provider the provider name, the factory method's argument and the bean's
	 * qualifier
	 * @param beanName the name of the model's bean
	 * @param type the model type, {@link ChatModel} or {@link StreamingChatModel}
	 * @param factoryMethod the name of the {@link LangChain4jModelFactory} method that
	 * creates the model
	 * @param primary whether the model is primary, as those of the default provider are
	 */
	private static void register(BeanDefinitionRegistry registry, String provider, String beanName, Class<?> type,
			String factoryMethod, boolean primary) {
		if (isNameTaken(registry, beanName)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Not registering a LangChain4j " + type.getSimpleName() + " for provider '" + provider
						+ "': a bean named '" + beanName + "' already exists and replaces it");
			}
			return;
		}
		Method method = ReflectionUtils.findMethod(LangChain4jModelFactory.class, factoryMethod, String.class,
				ListableBeanFactory.class);
		Assert.state(method != null, () -> "LangChain4jModelFactory." + factoryMethod + " not found");
		RootBeanDefinition definition = new RootBeanDefinition(LangChain4jModelFactory.class);
		definition.setResolvedFactoryMethod(method);
		definition.setTargetType(type);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, provider);
		definition.setAttribute(PROVIDER_ATTRIBUTE, provider);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, provider));
		definition.setPrimary(primary);
		definition.setDescription("LangChain4j " + type.getSimpleName() + " of chat provider '" + provider + "'");
		registry.registerBeanDefinition(beanName, definition);
	}

	private static boolean isNameTaken(BeanDefinitionRegistry registry, String name) {
		return registry.containsBeanDefinition(name) || registry.isAlias(name)
				|| (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name));
	}

}
