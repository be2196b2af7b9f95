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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.core.env.Environment;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

/**
 * The provider names a context was AOT-processed with. The registrar records them on its
 * own bean definition at build time; Spring AOT generates that attribute (see
 * {@link ChatAttributesAotProcessor}), so at run time the registrar finds them and can
 * tell an AOT-processed context with other providers from a matching one.
 */
final class AotProcessedProviders {

	/** The bean definition attribute holding the provider names, a {@code String[]}. */
	static final String ATTRIBUTE = "dev.chatstarter.aot-processed-providers";

	/** The bean definition attribute holding the route names, a {@code String[]}. */
	static final String ROUTES_ATTRIBUTE = "dev.chatstarter.aot-processed-routes";

	private AotProcessedProviders() {
	}

	/**
	 * Record the provider names on the registrar's definition.
	 * @param registrar the registrar's bean definition
	 * @param names the configured provider names
	 */
	static void record(BeanDefinition registrar, Set<String> names) {
		registrar.setAttribute(ATTRIBUTE, names.toArray(new String[0]));
	}

	/**
	 * Return the names the context was AOT-processed with.
	 * @param registrar the registrar's bean definition
	 * @return the names, or {@code null} if this context does not run AOT-generated code
	 */
	static @Nullable Set<String> read(BeanDefinition registrar) {
		return (registrar.getAttribute(ATTRIBUTE) instanceof String[] names) ? new LinkedHashSet<>(List.of(names))
				: null;
	}

	/**
	 * Fail when the run-time providers are not the ones the context was AOT-processed
	 * with: their beans, and the beans that exist only with providers, were fixed at
	 * build time.
	 * @param built the names at build time
	 * @param running the names at run time
	 * @throws InvalidChatConfigurationException if the names differ
	 */
	static void check(Set<String> built, Set<String> running) {
		if (built.equals(running)) {
			return;
		}
		String property = ChatProperties.PREFIX + ".providers";
		throw new InvalidChatConfigurationException(List.of(new Problem(property, null,
				"This application was AOT-processed with " + describe(built) + " but runs with " + describe(running)
						+ ". Spring AOT fixes the beans at build time: the set of provider names, and with it the "
						+ "ChatTemplate beans, the ChatTemplates registry, the 'chat' health contributor and the "
						+ "check of chat.providers.<name>.tools, cannot change at run time.",
				"Run the AOT processing (spring-boot:process-aot, or the native build) with the chat.providers names "
						+ "the application runs with; only the names count, every other provider property is read "
						+ "at run time. Or start the application without its AOT-generated code (on the JVM, without "
						+ "-Dspring.aot.enabled=true).")));
	}

	/**
	 * Fail when the starter is switched off at run time in a context AOT-processed with
	 * it on: its beans were generated and would still be created.
	 * @param environment the run-time environment
	 * @throws InvalidChatConfigurationException if {@code chat.enabled} is false
	 */
	static void checkEnabled(Environment environment) {
		String property = ChatProperties.PREFIX + ".enabled";
		if (!environment.getProperty(property, Boolean.class, true)) {
			throw new InvalidChatConfigurationException(List.of(new Problem(property, null,
					"This application was AOT-processed with chat.enabled=true but runs with chat.enabled=false; "
							+ "Spring AOT fixes the beans at build time, so the chat beans would still be created.",
					"Run the AOT processing (spring-boot:process-aot, or the native build) with chat.enabled=false, "
							+ "or start the application without its AOT-generated code (on the JVM, without "
							+ "-Dspring.aot.enabled=true).")));
		}
	}

	/**
	 * Record the route names a context is AOT-processed with.
	 * @param registrar the registrar's bean definition
	 * @param names the route names
	 */
	static void recordRoutes(BeanDefinition registrar, Set<String> names) {
		registrar.setAttribute(ROUTES_ATTRIBUTE, names.toArray(new String[0]));
	}

	/**
	 * Check that an AOT-processed context runs with the routes it was processed with.
	 * @param registrar the registrar's bean definition, with the recorded route names
	 * @param running the route names at run time
	 * @throws InvalidChatConfigurationException when the names differ
	 */
	static void checkRoutes(BeanDefinition registrar, Set<String> running) {
		Set<String> built = (registrar.getAttribute(ROUTES_ATTRIBUTE) instanceof String[] names)
				? new LinkedHashSet<>(List.of(names)) : Set.of();
		if (built.equals(running)) {
			return;
		}
		String property = ChatProperties.PREFIX + ".routes";
		throw new InvalidChatConfigurationException(List.of(new Problem(property, null,
				"This application was AOT-processed with chat.routes " + built + " but runs with " + running
						+ ". Spring AOT fixes the beans at build time: the set of route names, and with it the "
						+ "routes' ChatTemplate beans, cannot change at run time.",
				"Run the AOT processing with the chat.routes names the application runs with; every other route "
						+ "property is read at run time. Or start the application without its AOT-generated code.")));
	}

	private static String describe(Set<String> names) {
		return names.isEmpty() ? "no chat.providers" : "chat.providers " + names;
	}

}
