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

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Words an argument that Jackson could not convert the way the model can act on, without
 * Jackson's text (which names Java classes):
 * {@code 'unit' must be one of [celsius, fahrenheit], got "kelvin"},
 * {@code 'line.quantity' must be an integer, got 3.9}.
 */
final class ArgumentProblems {

	private static final int MAX_VALUE_SHOWN = 60;

	private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");

	private final JsonMapper jsonMapper;

	ArgumentProblems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Say what is wrong with one argument.
	 * @param parameter the parameter name
	 * @param type the parameter's generic type
	 * @param value the argument the model sent
	 * @param ex the failure Jackson reported
	 * @return the problem in plain words
	 */
	String describe(String parameter, Type type, JsonNode value, JacksonException ex) {
		StringBuilder path = new StringBuilder(parameter);
		JsonNode offending = value;
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
				offending = (offending != null) ? offending.get(reference.getPropertyName()) : null;
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
				offending = (offending != null) ? offending.get(reference.getIndex()) : null;
			}
		}
		String where = "'" + path + "'";
		Class<?> target = targetType(ex);
		if (ex instanceof ValueInstantiationException) {
			return where + " is not a valid " + simpleName(target, type);
		}
		if (ex instanceof InputCoercionException) {
			return where + " is out of range for " + simpleName(target, type) + got(offending);
		}
		if (target != null && (ex instanceof MismatchedInputException || ex instanceof InvalidFormatException)) {
			return where + " must be " + expected(target) + got(offending);
		}
		return where + " does not fit type " + simpleTypeName(type) + got(offending);
	}

	private static @Nullable Class<?> targetType(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatched) {
			return mismatched.getTargetType();
		}
		if (ex instanceof InputCoercionException coercion) {
			return coercion.getTargetType();
		}
		return null;
	}

	private String expected(Class<?> target) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(target);
		if (type.isEnum()) {
			return "one of " + enumValues(type);
		}
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "an integer";
		}
		if (type == Double.class || type == Float.class || type == BigDecimal.class || type == Number.class) {
			return "a number";
		}
		if (type == Boolean.class) {
			return "true or false";
		}
		if (CharSequence.class.isAssignableFrom(type) || type == Character.class) {
			return "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a valid " + type.getSimpleName();
	}

	private String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> this.jsonMapper.<JsonNode>valueToTree(constant))
			.map((node) -> node.isString() ? node.stringValue() : node.toString())
			.toList()
			.toString();
	}

	private static String got(@Nullable JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "";
		}
		if (value.isContainer()) {
			return ", got " + (value.isArray() ? "an array" : "an object");
		}
		String text = value.toString();
		return ", got " + ((text.length() > MAX_VALUE_SHOWN) ? text.substring(0, MAX_VALUE_SHOWN) + "…" : text);
	}

	private static String simpleName(@Nullable Class<?> target, Type type) {
		return (target != null) ? target.getSimpleName() : simpleTypeName(type);
	}

	/**
	 * {@code java.util.List<com.example.Tools$Unit>} as {@code List<Tools.Unit>}.
	 * @param type the type to name
	 * @return the type's name without package prefixes, nested types joined by a dot
	 */
	static String simpleTypeName(Type type) {
		return PACKAGE_PREFIX.matcher(type.getTypeName()).replaceAll("").replace('$', '.');
	}

}
