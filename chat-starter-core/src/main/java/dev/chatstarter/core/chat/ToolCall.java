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

package dev.chatstarter.core.chat;

import org.springframework.util.Assert;

/**
 * A function call requested by the model.
 *
 * @param id the call id, echoed back as {@code tool_call_id} in the tool message
 * @param name the function name
 * @param arguments the arguments as a JSON string, exactly as the model produced them
 */
public record ToolCall(String id, String name, String arguments) {

	public ToolCall {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(name, "name must not be null");
		Assert.notNull(arguments, "arguments must not be null");
	}

}
