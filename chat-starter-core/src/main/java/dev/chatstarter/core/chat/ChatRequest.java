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

import java.util.List;

import org.springframework.util.Assert;

/**
 * A complete chat completion request: the conversation and the options of this call
 * (already merged with the provider's defaults).
 *
 * @param messages the conversation
 * @param options the options
 */
public record ChatRequest(List<ChatMessage> messages, ChatOptions options) {

	public ChatRequest {
		Assert.notEmpty(messages, "a chat request needs at least one message");
		Assert.notNull(options, "options must not be null");
		messages = List.copyOf(messages);
	}

}
