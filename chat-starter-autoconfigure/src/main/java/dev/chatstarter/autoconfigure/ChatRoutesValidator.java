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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.chatstarter.core.route.RouteState;

/**
 * Checks {@code chat.routes.*}: every route has deployments, each naming a configured
 * provider with a weight of at least 1 and a name of its own; a route's name is not a
 * provider's; its fallbacks are configured providers.
 */
final class ChatRoutesValidator {

	private final ChatPropertyProblems problems;

	ChatRoutesValidator(ChatPropertyProblems problems) {
		this.problems = problems;
	}

	/**
	 * Add the problems of every route.
	 * @param properties the bound properties
	 */
	void validate(ChatProperties properties) {
		Set<String> providers = properties.getProviders().keySet();
		properties.getRoutes().forEach((name, route) -> {
			validateRoute(name, route, providers);
			boolean priced = route.getDeployments()
				.stream()
				.map((deployment) -> (deployment.getProvider() != null)
						? properties.getProviders().get(deployment.getProvider().trim()) : null)
				.anyMatch((provider) -> provider != null && !provider.getPricing().isEmpty());
			ChatPropertiesValidator.validateBudget(this.problems, ChatProperties.PREFIX + ".routes." + name + ".",
					route.getBudget(), priced, "none of its deployments' providers has pricing",
					"Price the models of its providers under " + ChatProperties.PREFIX
							+ ".providers.<provider>.pricing.<model>, or remove the budget.");
		});
	}

	private void validateRoute(String name, ChatRouteProperties route, Set<String> providers) {
		String prefix = ChatProperties.PREFIX + ".routes." + name + ".";
		if (providers.contains(name)) {
			this.problems.add(ChatProperties.PREFIX + ".routes." + name,
					"The route '" + name + "' has the name of a provider, and both would be the bean '" + name + "'.",
					"Rename the route under " + ChatProperties.PREFIX + ".routes, or the provider.");
		}
		List<ChatRouteProperties.Deployment> deployments = route.getDeployments();
		String property = prefix + "deployments";
		if (deployments.isEmpty()) {
			this.problems.add(property, "The route '" + name + "' has no deployments.", "Add at least one under "
					+ property + ", e.g. - { provider: " + firstOf(providers) + ", model: gpt-4.1, weight: 1 }.");
		}
		else if (deployments.size() > RouteState.MAX_DEPLOYMENTS) {
			this.problems.add(property,
					"The route '" + name + "' has " + deployments.size() + " deployments, more than the "
							+ RouteState.MAX_DEPLOYMENTS + " a route takes.",
					"Split the deployments over several routes.");
		}
		Set<String> names = new HashSet<>();
		for (int index = 0; index < deployments.size(); index++) {
			validateDeployment(property + "[" + index + "]", deployments.get(index), providers, names);
		}
		validateFallbacks(prefix + "fallback", route.getFallback(), providers);
	}

	private void validateDeployment(String element, ChatRouteProperties.Deployment deployment, Set<String> providers,
			Set<String> names) {
		String provider = (deployment.getProvider() != null) ? deployment.getProvider().trim() : "";
		if (provider.isEmpty()) {
			this.problems.add(element + ".provider", element + ".provider is not set.",
					"Set it to one of the configured providers " + providers + ".");
		}
		else if (!providers.contains(provider)) {
			this.problems.add(element + ".provider",
					element + ".provider is '" + provider + "' but there is no provider of that name; the configured "
							+ "providers are " + providers + ".",
					"Use one of " + providers + ", or add the provider under " + ChatProperties.PREFIX + ".providers."
							+ provider + " (base-url, api-key, model).");
		}
		if (deployment.getWeight() <= 0) {
			this.problems.add(element + ".weight",
					element + ".weight is " + deployment.getWeight() + " but must be at least 1.",
					"Set " + element + ".weight to 1 or more (weights are relative: 3 and 1 send three calls in four "
							+ "to the first), or remove the deployment.");
		}
		ChatPropertiesValidator.validateLimits(this.problems, element + ".limits.", deployment.getLimits());
		if (deployment.getModel() != null && deployment.getModel().isBlank()) {
			this.problems.add(element + ".model", element + ".model is blank.",
					"Set a model id or alias, or remove " + element + ".model to use the provider's default model.");
		}
		String name = deployment.determineName();
		if (!provider.isEmpty() && !names.add(name)) {
			this.problems.add(element, "Two deployments of the route are named '" + name + "'.",
					"Give " + element + " a name of its own (name: ...) or another provider or model.");
		}
	}

	private void validateFallbacks(String property, List<String> fallbacks, Set<String> providers) {
		for (int index = 0; index < fallbacks.size(); index++) {
			String fallback = (fallbacks.get(index) != null) ? fallbacks.get(index).trim() : "";
			if (!providers.contains(fallback)) {
				this.problems.add(property, property + "[" + index + "]",
						property + " names '" + fallback + "' but there is no provider of that name; the configured "
								+ "providers are " + providers + ".",
						"Use names from " + providers + " in " + property + ".");
			}
		}
	}

	private static String firstOf(Set<String> providers) {
		return providers.isEmpty() ? "aigc" : providers.iterator().next();
	}

}
