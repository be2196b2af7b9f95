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

package dev.chatstarter.core.tool;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the {@link ToolCallback}s of a bean: one {@link MethodToolCallback} per
 * {@link ChatTool} method, including methods whose annotation sits on a superclass or
 * interface declaration, and methods of Spring AOP proxies (found on the target class,
 * invoked through the proxy).
 */
public final class ToolCallbacks {

	private ToolCallbacks() {
	}

	/**
	 * Create the tools of a bean with a default schema generator, a default
	 * {@link JsonMapper} (case-insensitive enums) and {@link Schedulers#boundedElastic()}
	 * for blocking methods.
	 * @param bean the bean (may be a proxy)
	 * @return its tools, ordered by name; empty if it has no {@link ChatTool} method
	 * @throws ToolDeclarationException if a tool method cannot work, or two of them have
	 * the same name
	 */
	public static List<ToolCallback> fromBean(Object bean) {
		return fromBean(bean, MethodToolCallback.DEFAULT_SCHEMA_GENERATOR, MethodToolCallback.defaultJsonMapper(),
				MethodToolCallback.BOUNDED_ELASTIC);
	}

	/**
	 * Create the tools of a bean.
	 * @param bean the bean (may be a proxy)
	 * @param schemaGenerator builds the parameters' schemas (share one)
	 * @param jsonMapper converts arguments and results
	 * @param scheduler runs blocking tool methods
	 * @return its tools, ordered by name; empty if it has no {@link ChatTool} method
	 * @throws ToolDeclarationException if a tool method cannot work, or two of them have
	 * the same name
	 */
	public static List<ToolCallback> fromBean(Object bean, ToolSchemaGenerator schemaGenerator, JsonMapper jsonMapper,
			Scheduler scheduler) {
		return fromBean(bean, schemaGenerator, jsonMapper, MethodToolCallback.given(scheduler));
	}

	private static List<ToolCallback> fromBean(Object bean, ToolSchemaGenerator schemaGenerator, JsonMapper jsonMapper,
			Supplier<Scheduler> scheduler) {
		Assert.notNull(bean, "bean must not be null");
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Map<Method, ChatTool> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ChatTool>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ChatTool.class));
		List<Method> sorted = new ArrayList<>(methods.keySet());
		sorted.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
		Map<String, MethodToolCallback> callbacks = new LinkedHashMap<>();
		for (Method method : sorted) {
			MethodToolCallback callback = new MethodToolCallback(bean, method, schemaGenerator, jsonMapper, scheduler);
			MethodToolCallback existing = callbacks.putIfAbsent(callback.name(), callback);
			if (existing != null) {
				throw new ToolDeclarationException("Bean class " + targetClass.getName() + " declares two tools named '"
						+ callback.name() + "': " + ToolDeclarationException.describe(existing.getMethod()) + " and "
						+ ToolDeclarationException.describe(callback.getMethod())
						+ ". Give one of them another @ChatTool(name = \"...\")");
			}
		}
		List<ToolCallback> result = new ArrayList<>(callbacks.values());
		result.sort(Comparator.comparing(ToolCallback::name));
		return List.copyOf(result);
	}

}
