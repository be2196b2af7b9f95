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

import java.util.concurrent.TimeoutException;

import tools.jackson.core.io.JsonStringEncoder;

import dev.chatstarter.core.internal.text.ToolNames;

/**
 * Decides what the model sees when one of its tool calls fails and
 * {@code chat.tools.return-errors-to-model} is on: the content of the {@code tool}
 * message sent back in place of the tool's result. Whatever it returns then passes the
 * provider's secret redactor.
 * <p>
 * The {@linkplain #neutral() default} says what kind of failure it was and never passes
 * on the message of an arbitrary exception, which may carry a JDBC URL with its password,
 * a file path or a stack of class names. Replace it (a bean of this type in a Spring Boot
 * application, or {@code ChatTemplate.Builder#toolErrorConverter}) to tell the model
 * more, e.g. the message of your own exception types: <pre>{@code
 * ToolErrorConverter neutral = ToolErrorConverter.neutral();
 * ToolErrorConverter converter = (toolName, failure) -> (failure instanceof OrderRejectedException rejected)
 *         ? ToolErrorConverter.errorResult(rejected.getReason()) : neutral.convert(toolName, failure);
 * }</pre>
 */
@FunctionalInterface
public interface ToolErrorConverter {

	/**
	 * Return the tool message content for a failed tool call.
	 * @param toolName the tool name as the model sent it; it may be made up and hold
	 * anything, so quote it
	 * @param failure what went wrong: a {@link ToolArgumentException} (the arguments do
	 * not fit), an {@link UnknownToolException}, a {@link TimeoutException} (the tool
	 * timeout), a {@link ToolErrorException} (the tool threw an {@code Error}), or
	 * whatever the tool threw
	 * @return the content the model gets
	 */
	String convert(String toolName, Throwable failure);

	/**
	 * The default: {@code {"error":"<neutral message>"}}, with the message of
	 * {@link #neutralMessage}.
	 * @return the neutral converter
	 */
	static ToolErrorConverter neutral() {
		return (toolName, failure) -> errorResult(neutralMessage(toolName, failure));
	}

	/**
	 * Return the tool message content {@code {"error":"<message>"}}, the message
	 * JSON-escaped.
	 * @param message the message for the model
	 * @return the JSON object
	 */
	static String errorResult(String message) {
		StringBuilder json = new StringBuilder("{\"error\":\"");
		JsonStringEncoder.getInstance().quoteAsString(message, json);
		return json.append("\"}").toString();
	}

	/**
	 * Return a message that says what kind of failure it was and nothing the tool did not
	 * mean to tell: the text of a {@link ToolArgumentException} and an
	 * {@link UnknownToolException} (written for the model, e.g.
	 * {@code 'unit' must be one of [celsius, fahrenheit], got "kelvin"}), "did not finish
	 * in time" for a {@link TimeoutException}, and only the simple class name of any
	 * other exception or error ({@code tool 'lookup' failed with IllegalStateException}).
	 * @param toolName the tool name as the model sent it
	 * @param failure what went wrong
	 * @return the message
	 */
	static String neutralMessage(String toolName, Throwable failure) {
		if (failure instanceof ToolArgumentException || failure instanceof UnknownToolException) {
			return String.valueOf(failure.getMessage());
		}
		String tool = "tool " + ToolNames.quoted(toolName);
		if (failure instanceof TimeoutException) {
			return tool + " did not finish in time";
		}
		Throwable shown = (failure instanceof ToolErrorException && failure.getCause() != null) ? failure.getCause()
				: failure;
		String type = shown.getClass().getSimpleName();
		return type.isEmpty() ? tool + " failed" : tool + " failed with " + type;
	}

}
