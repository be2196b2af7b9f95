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

import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ToolDefinition;

/**
 * A tool the model may call: its definition (sent with the request) and how to run it.
 * Implementations should say in {@code toString()} where the tool comes from (e.g. the
 * method), for error messages.
 *
 * @see MethodToolCallback
 */
public interface ToolCallback {

	/**
	 * Return the tool's definition: name, description and JSON schema of the arguments.
	 * Built once, not per call.
	 * @return the definition
	 */
	ToolDefinition definition();

	/**
	 * Return the tool's name, the one the model calls.
	 * @return the name
	 */
	default String name() {
		return definition().name();
	}

	/**
	 * Run the tool. Nothing happens until the result is subscribed to; the work does not
	 * run on the subscribing thread when it blocks.
	 * @param argumentsJson the arguments exactly as the model sent them (a JSON object;
	 * blank means none)
	 * @param context the caller's context
	 * @return the text sent back to the model as the tool message; errors:
	 * {@link ToolArgumentException} when the arguments do not fit, or whatever the tool
	 * itself threw
	 */
	Mono<String> call(String argumentsJson, ToolContext context);

	/**
	 * Run the tool with an empty context.
	 * @param argumentsJson the arguments exactly as the model sent them
	 * @return the text sent back to the model
	 */
	default Mono<String> call(String argumentsJson) {
		return call(argumentsJson, ToolContext.empty());
	}

}
