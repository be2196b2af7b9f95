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

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.Nullness;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.util.StringUtils;

/**
 * One parameter of a tool method, as the schema and the argument conversion see it.
 * Introspected once per method.
 *
 * @param name the argument name (the Java parameter name)
 * @param type the parameter's generic type, type variables resolved against the bean
 * class
 * @param rawType the parameter's class
 * @param description the {@link ToolParam} description, or {@code null}
 * @param required whether the model must pass it
 * @param context whether it receives the {@link ToolContext} (not an argument)
 */
record ToolParameter(String name, Type type, Class<?> rawType, @Nullable String description, boolean required,
		boolean context) {

	private static final List<Class<?>> UNSUPPORTED_TYPES = List.of(Publisher.class, CompletionStage.class,
			Future.class, BaseStream.class, InputStream.class, OutputStream.class, Reader.class, Writer.class,
			Class.class, ClassLoader.class, Thread.class, Runnable.class, Method.class);

	/**
	 * Introspect the parameters of a tool method.
	 * @param method the method as declared on the bean class (annotations of interface
	 * and superclass declarations are merged)
	 * @param beanClass the bean's (user) class, to resolve type variables
	 * @return the parameters, in order
	 * @throws ToolDeclarationException if a parameter has no name or a type that cannot
	 * be described
	 */
	static List<ToolParameter> of(Method method, Class<?> beanClass) {
		MethodParameter[] methodParameters = new AnnotatedMethod(method).getMethodParameters();
		Parameter[] parameters = method.getParameters();
		List<ToolParameter> result = new ArrayList<>(parameters.length);
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			Class<?> rawType = parameter.getType();
			if (rawType == ToolContext.class) {
				result.add(new ToolParameter("<context>", rawType, rawType, null, false, true));
				continue;
			}
			if (!parameter.isNamePresent()) {
				throw ToolDeclarationException.forMethod(method,
						"the names of its parameters are not available at runtime",
						"Compile with the -parameters flag (Maven: <parameters>true</parameters> in the"
								+ " maven-compiler-plugin configuration; Gradle: options.compilerArgs << '-parameters')");
			}
			Type type = GenericTypeResolver.resolveType(parameter.getParameterizedType(), beanClass);
			String problem = unsupportedReason(ResolvableType.forType(type));
			if (problem != null) {
				throw ToolDeclarationException.forMethod(method,
						"parameter '" + parameter.getName() + "' of type " + type.getTypeName() + " " + problem,
						"Use a String, number, boolean, enum, record/POJO, collection, array, map or java.time type,"
								+ " or a ToolContext parameter for values that do not come from the model");
			}
			MethodParameter methodParameter = methodParameters[i];
			ToolParam toolParam = methodParameter.getParameterAnnotation(ToolParam.class);
			String description = (toolParam != null && StringUtils.hasText(toolParam.description()))
					? toolParam.description() : null;
			boolean optional = rawType == Optional.class
					|| (!rawType.isPrimitive() && Nullness.forMethodParameter(methodParameter) == Nullness.NULLABLE)
					|| (toolParam != null && !toolParam.required());
			result.add(new ToolParameter(parameter.getName(), type, rawType, description, !optional, false));
		}
		return result;
	}

	private static @Nullable String unsupportedReason(ResolvableType type) {
		if (type.resolve() == Object.class && !(type.getType() instanceof TypeVariable)) {
			return "says nothing about the expected value";
		}
		return unsupportedNestedReason(type);
	}

	private static @Nullable String unsupportedNestedReason(ResolvableType type) {
		Class<?> resolved = type.resolve();
		if (resolved == null || type.getType() instanceof TypeVariable) {
			return "cannot be resolved to a concrete type";
		}
		for (Class<?> unsupported : UNSUPPORTED_TYPES) {
			if (unsupported.isAssignableFrom(resolved)) {
				return "cannot be passed as JSON";
			}
		}
		if (type.isArray()) {
			return unsupportedNestedReason(type.getComponentType());
		}
		for (ResolvableType generic : type.getGenerics()) {
			String reason = unsupportedNestedReason(generic);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

}
