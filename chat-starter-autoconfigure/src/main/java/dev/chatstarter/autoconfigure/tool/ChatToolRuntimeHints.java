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

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolContext;

/**
 * The native-image reflection hints of the application's {@code @ChatTool} beans,
 * contributed when Spring AOT processes each bean: the bean class (the tools are
 * discovered by reading its methods), each tool method (invoked reflectively, on the
 * class and on the interfaces a proxy may expose it through), and Jackson binding of
 * every parameter type (tool arguments are read into them, their JSON schema is built
 * from them) and of the result type (written as the tool's answer), records, enums,
 * collections and nested types included. A result in a {@code Mono},
 * {@code CompletionStage} or {@code Optional} is bound as the type it holds.
 */
final class ChatToolRuntimeHints implements BeanRegistrationAotProcessor {

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (registeredBean.getMergedBeanDefinition().getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
			return null;
		}
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		Method[] tools;
		try {
			tools = toolMethods(beanClass);
		}
		catch (IllegalStateException | LinkageError ex) {
			// a class whose methods cannot be read (a missing optional dependency) has no
			// tools to discover
			return null;
		}
		if (tools.length == 0) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), beanClass, tools);
	}

	/**
	 * Register the hints of one bean class's tools.
	 * @param hints the hints to add to
	 * @param beanClass the bean's user class
	 * @param tools its {@code @ChatTool} methods
	 */
	void register(RuntimeHints hints, Class<?> beanClass, Method[] tools) {
		ReflectionHints reflection = hints.reflection();
		reflection.registerType(beanClass);
		for (Method tool : tools) {
			reflection.registerMethod(tool, ExecutableMode.INVOKE);
			for (Class<?> face : ClassUtils.getAllInterfacesForClassAsSet(beanClass)) {
				Method declared = ReflectionUtils.findMethod(face, tool.getName(), tool.getParameterTypes());
				if (declared != null) {
					reflection.registerMethod(declared, ExecutableMode.INVOKE);
				}
			}
			for (int i = 0; i < tool.getParameterCount(); i++) {
				if (tool.getParameterTypes()[i] != ToolContext.class) {
					this.binding.registerReflectionHints(reflection,
							ResolvableType.forMethodParameter(tool, i, beanClass).getType());
				}
			}
			this.binding.registerReflectionHints(reflection, resultType(tool, beanClass));
		}
	}

	private static Type resultType(Method tool, Class<?> beanClass) {
		ResolvableType type = ResolvableType.forMethodReturnType(tool, beanClass);
		Class<?> raw = type.toClass();
		boolean wrapper = Publisher.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw)
				|| raw == Optional.class;
		return (wrapper && type.hasGenerics()) ? type.getGeneric(0).getType() : type.getType();
	}

	static Method[] toolMethods(Class<?> beanClass) {
		return ReflectionUtils.getUniqueDeclaredMethods(beanClass,
				(method) -> ReflectionUtils.USER_DECLARED_METHODS.matches(method)
						&& AnnotatedElementUtils.hasAnnotation(method, ChatTool.class));
	}

}
