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

import java.util.function.Supplier;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.Assert;

import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * Creates the template of a route from {@code chat.routes.<name>} over the providers'
 * templates: the static factory method of each route's bean definition, so Spring AOT
 * generates a plain call to it.
 */
final class ChatRouteFactory {

	private ChatRouteFactory() {
	}

	/**
	 * Create the template of a route.
	 * @param name the route name
	 * @param beanFactory the bean factory to take the properties, the providers'
	 * templates and the collaborators from
	 * @return the route's template
	 */
	static ChatTemplate create(String name, ListableBeanFactory beanFactory) {
		ChatProperties properties = beanFactory.getBean(ChatProperties.class);
		ChatRouteProperties route = properties.getRoutes().get(name);
		Assert.state(route != null, () -> "No chat route named '" + name + "' is configured");
		ChatTemplate.RouteBuilder builder = ChatTemplate.route(name).strategy(route.getStrategy());
		for (ChatRouteProperties.Deployment deployment : route.getDeployments()) {
			String provider = deployment.getProvider();
			Assert.state(provider != null, "the deployment's provider was not validated");
			String model = deployment.getModel();
			builder.deployment(deployment.determineName(), beanFactory.getBean(provider.trim(), ChatTemplate.class),
					(model != null) ? model.trim() : null, deployment.getWeight(),
					ChatTemplateFactory.toLimits(deployment.getLimits()));
		}
		builder.fallback(route.getFallback()
			.stream()
			.map((fallback) -> beanFactory.getBean(fallback.trim(), ChatTemplate.class))
			.toArray(ChatTemplate[]::new));
		builder.failoverOn(route.getFailoverOn().isEmpty() ? FallbackTrigger.values()
				: route.getFailoverOn().toArray(new FallbackTrigger[0]));
		builder.budget(ChatTemplateFactory.toBudget(route.getBudget()));
		ChatProperties.Tools tools = properties.getTools();
		builder.tools((settings) -> {
			beanFactory.getBeanProvider(ChatToolDiscoverer.class)
				.ifUnique((discoverer) -> settings.registry((Supplier<ToolRegistry>) discoverer));
			settings.execution(ChatTemplateFactory.toToolExecution(tools));
			beanFactory.getBeanProvider(ToolErrorConverter.class).ifUnique(settings::errorConverter);
		});
		beanFactory.getBeanProvider(ChatRouteCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(name, builder));
		return builder.build();
	}

}
