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
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A tool is declared in a way that cannot work: a blank or invalid name, two tools with
 * one name, a parameter type that cannot be described as JSON, missing parameter names, a
 * method a proxy cannot call. Raised when the tools are created (at startup), with a
 * message that names the class and method and says what to change.
 */
public class ToolDeclarationException extends IllegalStateException {

	/**
	 * Create an exception.
	 * @param message what is wrong, where, and how to fix it
	 */
	public ToolDeclarationException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, where, and how to fix it
	 * @param cause the underlying cause
	 */
	public ToolDeclarationException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception about one tool method.
	 * @param method the method
	 * @param problem what is wrong
	 * @param fix what to change
	 * @return the exception
	 */
	static ToolDeclarationException forMethod(Method method, String problem, String fix) {
		return new ToolDeclarationException(
				"Tool method " + describe(method) + " cannot be used: " + problem + ". " + fix);
	}

	/**
	 * Describe a method for messages:
	 * {@code com.example.WeatherTools.currentWeather(String, Unit)}.
	 * @param method the method
	 * @return the description
	 */
	static String describe(Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return method.getDeclaringClass().getName() + "." + method.getName() + "(" + parameters + ")";
	}

}
