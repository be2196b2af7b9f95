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

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;

import dev.chatstarter.autoconfigure.InvalidChatConfigurationException.Problem;

/**
 * Reports unknown property names under {@code chat.*} (e.g.
 * {@code chat.providers.fast.api-kee}) in the starter's own format: the name, where it
 * was set, and the known name it most likely meant. Runs before Spring Boot's generic
 * report, which starts with the binder's internal {@code Bindable} text. Never shows a
 * property's value (a mistyped {@code api-key} still holds a key).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UnknownChatPropertyFailureAnalyzer
		extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private static final ConfigurationPropertyName CHAT = ConfigurationPropertyName.of(ChatProperties.PREFIX);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		BindException binding = findCause(rootFailure, BindException.class);
		if (binding == null || !CHAT.isAncestorOf(binding.getName()) && !CHAT.equals(binding.getName())) {
			return null;
		}
		Class<?> target = binding.getTarget().getType().resolve(Object.class);
		List<Problem> problems = new ArrayList<>();
		for (ConfigurationProperty property : cause.getUnboundProperties()) {
			problems.add(problem(property, binding.getName(), target));
		}
		return problems.isEmpty() ? null : InvalidChatConfigurationFailureAnalyzer.report(problems, cause);
	}

	private static Problem problem(ConfigurationProperty property, ConfigurationPropertyName root, Class<?> rootType) {
		ConfigurationPropertyName name = property.getName();
		String origin = (property.getOrigin() != null) ? property.getOrigin().toString() : null;
		Optional<Level> level = Level.of(name, root, rootType);
		String shown = name.toString();
		if (level.isEmpty()) {
			return new Problem(shown, origin, shown + " is not a chat property.",
					"Remove " + shown + ", or see docs/configuration.md for the chat properties.");
		}
		String parent = level.get().parent();
		String unknown = name.getElement(level.get().index(), Form.DASHED);
		List<String> known = level.get().names();
		String suggestion = closest(unknown, known);
		if (suggestion == null) {
			return new Problem(shown, origin,
					shown + " is not a chat property: " + parent + " has no property '" + unknown + "'.",
					"Use one of " + known + " under " + parent + ", or remove " + shown + ".");
		}
		String meant = replaceElement(name, level.get().index(), suggestion);
		return new Problem(shown, origin, shown + " is not a chat property; did you mean " + meant + "?",
				"Rename " + shown + " to " + meant + ".");
	}

	private static String replaceElement(ConfigurationPropertyName name, int index, String replacement) {
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			String element = (i == index) ? replacement : name.getElement(i, Form.ORIGINAL);
			boolean indexed = (i != index) && name.isNumericIndex(i);
			result.append(indexed ? "[" + element + "]" : ((result.length() > 0) ? "." : "") + element);
		}
		return result.toString();
	}

	/**
	 * The known name nearest to the unknown one, when it is near enough to be a typo.
	 * @param unknown the unknown name, dashed
	 * @param known the names known at that level
	 * @return the nearest known name, or {@code null} when none is near enough
	 */
	private static @Nullable String closest(String unknown, List<String> known) {
		int threshold = Math.max(2, unknown.length() / 3);
		return known.stream()
			.filter((candidate) -> distance(unknown, candidate) <= threshold)
			.min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate)))
			.orElse(null);
	}

	/**
	 * The Levenshtein distance between two names.
	 * @param a one name
	 * @param b the other name
	 * @return the number of single-character edits that turn one into the other
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Where in the properties an unknown name went wrong: the element that names no
	 * property of its parent type, that parent as a property name, and the parent's known
	 * property names.
	 */
	private record Level(int index, String parent, List<String> names) {

		static Optional<Level> of(ConfigurationPropertyName name, ConfigurationPropertyName root, Class<?> rootType) {
			Class<?> type = rootType;
			StringBuilder parent = new StringBuilder(root.toString());
			for (int i = root.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
				String element = name.getElement(i, Form.DASHED);
				PropertyDescriptor descriptor = find(type, element);
				if (descriptor == null) {
					return Optional.of(new Level(i, parent.toString(), names(type)));
				}
				parent.append('.').append(element);
				ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
				if (Map.class.isAssignableFrom(propertyType.toClass())) {
					Class<?> valueType = propertyType.asMap().resolveGeneric(1);
					if (valueType == null || valueType.getEnclosingClass() != rootType
							|| i + 1 >= name.getNumberOfElements()) {
						return Optional.empty();
					}
					i++;
					parent.append('.').append(name.getElement(i, Form.ORIGINAL));
					type = valueType;
				}
				else if (propertyType.toClass().getEnclosingClass() == rootType && !propertyType.toClass().isEnum()) {
					type = propertyType.toClass();
				}
				else {
					return Optional.empty();
				}
			}
			return Optional.empty();
		}

		private static @Nullable PropertyDescriptor find(Class<?> type, String dashedName) {
			for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
				if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")
						&& DataObjectPropertyName.toDashedForm(descriptor.getName()).equals(dashedName)) {
					return descriptor;
				}
			}
			return null;
		}

		private static List<String> names(Class<?> type) {
			List<String> names = new ArrayList<>();
			for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
				if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
					names.add(DataObjectPropertyName.toDashedForm(descriptor.getName()));
				}
			}
			return names;
		}

	}

}
