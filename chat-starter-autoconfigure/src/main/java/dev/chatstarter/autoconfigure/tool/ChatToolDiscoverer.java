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

package dev.chatstarter.autoconfigure.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * Finds the tools of the application: every {@code @ChatTool} method of every singleton
 * bean (beans from {@code @Bean} methods and proxied beans included; the proxy is
 * invoked, so its advice applies) and every {@link ToolCallback} bean. Discovery runs
 * once, when all singletons exist, so a tool bean may itself inject a
 * {@code ChatTemplate}; each tool's schema is built then and kept.
 */
public final class ChatToolDiscoverer implements Supplier<ToolRegistry>, BeanFactoryAware, SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ChatToolDiscoverer.class);

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private final SingletonSupplier<ToolRegistry> registry = SingletonSupplier.of(this::discover);

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		get();
	}

	/**
	 * Return the registry, discovering the tools on first use.
	 * @return the registry
	 */
	@Override
	public ToolRegistry get() {
		return this.registry.obtain();
	}

	private ToolRegistry discover() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No BeanFactory set");
		List<ToolCallback> tools = new ArrayList<>();
		for (String name : factory.getBeanDefinitionNames()) {
			if (isCandidate(factory, name)) {
				Class<?> type = factory.getType(name, false);
				if (type != null && !ToolCallback.class.isAssignableFrom(type) && hasChatToolMethod(type)) {
					tools.addAll(ToolCallbacks.fromBean(factory.getBean(name)));
				}
			}
		}
		Map<String, ToolCallback> callbackBeans = factory.getBeansOfType(ToolCallback.class, false, true);
		tools.addAll(callbackBeans.values());
		ToolRegistry discovered = ToolRegistry.of(tools);
		if (logger.isDebugEnabled()) {
			logger.debug("Discovered chat tools {}", discovered.names());
		}
		return discovered;
	}

	private static boolean isCandidate(ConfigurableListableBeanFactory factory, String name) {
		if (name.startsWith("scopedTarget.") || !factory.isSingleton(name)) {
			return false;
		}
		BeanDefinition definition = factory.getBeanDefinition(name);
		return definition.getRole() != BeanDefinition.ROLE_INFRASTRUCTURE && !definition.isAbstract();
	}

	private static boolean hasChatToolMethod(Class<?> type) {
		return ChatToolRuntimeHints.toolMethods(ClassUtils.getUserClass(type)).length > 0;
	}

}
