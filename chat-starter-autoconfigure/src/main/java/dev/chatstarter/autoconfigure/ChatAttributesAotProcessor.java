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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.CodeBlock;

/**
 * Keeps the starter's bean definition attributes (names starting with {@value #PREFIX})
 * in the code Spring AOT generates, which by default drops every attribute: the provider
 * of each auto-configured {@code ChatTemplate} and the provider names the context was
 * AOT-processed with.
 */
final class ChatAttributesAotProcessor implements BeanRegistrationAotProcessor {

	/** The prefix of the starter's attribute names. */
	static final String PREFIX = "dev.chatstarter.";

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (registeredBean.isInnerBean()
				|| !registeredBean.getBeanFactory().containsBeanDefinition(registeredBean.getBeanName())) {
			return null;
		}
		// the definition itself: the merged one of a bean created early (the registrar)
		// is older than its attributes
		BeanDefinition definition = registeredBean.getBeanFactory().getBeanDefinition(registeredBean.getBeanName());
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String name : definition.attributeNames()) {
			if (isStarterAttribute(name)) {
				attributes.put(name, definition.getAttribute(name));
			}
		}
		return attributes.isEmpty() ? null : BeanRegistrationAotContribution
			.withCustomCodeFragments((fragments) -> new KeepStarterAttributes(fragments, attributes));
	}

	private static boolean isStarterAttribute(String name) {
		return name.startsWith(PREFIX);
	}

	/**
	 * Code fragments that also generate the starter's attributes.
	 */
	private static final class KeepStarterAttributes extends BeanRegistrationCodeFragmentsDecorator {

		private final Map<String, Object> attributes;

		KeepStarterAttributes(BeanRegistrationCodeFragments delegate, Map<String, Object> attributes) {
			super(delegate);
			this.attributes = attributes;
		}

		@Override
		public CodeBlock generateSetBeanDefinitionPropertiesCode(GenerationContext generationContext,
				BeanRegistrationCode beanRegistrationCode, RootBeanDefinition beanDefinition,
				Predicate<String> attributeFilter) {
			RootBeanDefinition withAttributes = beanDefinition.cloneBeanDefinition();
			this.attributes.forEach(withAttributes::setAttribute);
			return super.generateSetBeanDefinitionPropertiesCode(generationContext, beanRegistrationCode,
					withAttributes, attributeFilter.or(ChatAttributesAotProcessor::isStarterAttribute));
		}

	}

}
