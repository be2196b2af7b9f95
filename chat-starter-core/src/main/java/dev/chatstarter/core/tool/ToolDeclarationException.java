package dev.chatstarter.core.tool;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A tool is declared in a way that cannot work: a blank or invalid name, two tools with one name, a parameter type
 * that cannot be described as JSON, missing parameter names, a method a proxy cannot call. Raised when the tools are
 * created (at startup), with a message that names the class and method and says what to change.
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
		return new ToolDeclarationException("Tool method " + describe(method) + " cannot be used: " + problem + ". " + fix);
	}

	/**
	 * Describe a method for messages: {@code com.example.WeatherTools.currentWeather(String, Unit)}.
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
