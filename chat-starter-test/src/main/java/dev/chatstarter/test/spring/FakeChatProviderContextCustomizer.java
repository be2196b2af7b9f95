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

package dev.chatstarter.test.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import dev.chatstarter.test.FakeChatServer;

/**
 * Starts a {@link FakeChatServer} per {@link FakeChatProvider}, points
 * {@code chat.providers.<name>.*} at it and registers it as a bean, closed with the
 * context. Equal for equal providers, so such tests share a cached context.
 */
final class FakeChatProviderContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "fakeChatProviders";

	private final List<Provider> providers;

	FakeChatProviderContextCustomizer(List<Provider> providers) {
		this.providers = List.copyOf(providers);
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, FakeChatServer> servers = new LinkedHashMap<>();
		Map<String, Object> properties = new LinkedHashMap<>();
		try {
			for (Provider provider : this.providers) {
				FakeChatServer server = new FakeChatServer().start();
				servers.put(provider.name(), server);
				String prefix = "chat.providers." + provider.name() + ".";
				properties.put(prefix + "base-url", server.baseUrl());
				properties.put(prefix + "api-key", provider.apiKey());
			}
		}
		catch (RuntimeException ex) {
			servers.values().forEach(FakeChatServer::close);
			throw ex;
		}
		FakeChatServers registry = new FakeChatServers(servers);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(FakeChatServers.BEAN_NAME, registry);
		servers.forEach((name, server) -> beanFactory.registerSingleton(FakeChatServers.SERVER_BEAN_NAME_PREFIX + name,
				server));
		if (beanFactory instanceof DefaultSingletonBeanRegistry singletons) {
			singletons.registerDisposableBean(FakeChatServers.BEAN_NAME, registry::close);
		}
		else {
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					registry.close();
				}
			});
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof FakeChatProviderContextCustomizer customizer
				&& this.providers.equals(customizer.providers));
	}

	@Override
	public int hashCode() {
		return this.providers.hashCode();
	}

	/**
	 * One annotated provider.
	 *
	 * @param name the provider name
	 * @param apiKey the API key to configure
	 */
	record Provider(String name, String apiKey) {

		@Override
		public String toString() {
			return "Provider[name=" + this.name + "]";
		}

	}

}
