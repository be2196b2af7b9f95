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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One message of a conversation, in any role. Requests are built from these, and the
 * model's reply comes back as an {@link Role#ASSISTANT} message that can be appended to
 * the history as it is.
 *
 * @param role the author
 * @param content the content parts; a single text part is sent as a plain string
 * @param name the optional participant name (or function name for {@link Role#FUNCTION})
 * @param toolCalls the tool calls of an assistant message
 * @param toolCallId the call a {@link Role#TOOL} message answers
 * @param reasoningContent the reasoning text of an assistant message
 * ({@code reasoning_content} or {@code reasoning} on the wire)
 */
public record ChatMessage(Role role, List<ContentPart> content, @Nullable String name, List<ToolCall> toolCalls,
		@Nullable String toolCallId, @Nullable String reasoningContent) {

	public ChatMessage {
		Assert.notNull(role, "role must not be null");
		content = List.copyOf(content);
		toolCalls = List.copyOf(toolCalls);
		if (role == Role.TOOL) {
			Assert.hasText(toolCallId, "a tool message needs the toolCallId it answers");
		}
	}

	/**
	 * A system message.
	 * @param text the instructions
	 * @return the message
	 */
	public static ChatMessage system(String text) {
		return text(Role.SYSTEM, text);
	}

	/**
	 * A developer message (sent as {@code system} to providers that do not accept the
	 * role).
	 * @param text the instructions
	 * @return the message
	 */
	public static ChatMessage developer(String text) {
		return text(Role.DEVELOPER, text);
	}

	/**
	 * A user message with text only.
	 * @param text the user's text
	 * @return the message
	 */
	public static ChatMessage user(String text) {
		return text(Role.USER, text);
	}

	/**
	 * A user message with several parts, e.g. text and images.
	 * @param parts the parts
	 * @return the message
	 */
	public static ChatMessage user(List<? extends ContentPart> parts) {
		Assert.notEmpty(parts, "parts must not be empty");
		return new ChatMessage(Role.USER, List.copyOf(parts), null, List.of(), null, null);
	}

	/**
	 * An assistant message with text, e.g. a previous answer in the history.
	 * @param text the answer
	 * @return the message
	 */
	public static ChatMessage assistant(String text) {
		return text(Role.ASSISTANT, text);
	}

	/**
	 * An assistant message that asked for tool calls.
	 * @param text the optional text that came with the calls
	 * @param toolCalls the calls
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String text, List<ToolCall> toolCalls) {
		List<ContentPart> parts = (text != null) ? List.of(new TextPart(text)) : List.of();
		return new ChatMessage(Role.ASSISTANT, parts, null, toolCalls, null, null);
	}

	/**
	 * The result of a tool call.
	 * @param toolCallId the id of the call it answers
	 * @param result the result, usually JSON
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String result) {
		return new ChatMessage(Role.TOOL, List.of(new TextPart(result)), null, List.of(), toolCallId, null);
	}

	/**
	 * The result of a legacy function call.
	 * @param functionName the function's name
	 * @param result the result
	 * @return the message
	 */
	public static ChatMessage function(String functionName, String result) {
		Assert.hasText(functionName, "functionName must not be empty");
		return new ChatMessage(Role.FUNCTION, List.of(new TextPart(result)), functionName, List.of(), null, null);
	}

	private static ChatMessage text(Role role, String text) {
		Assert.notNull(text, "text must not be null");
		return new ChatMessage(role, List.of(new TextPart(text)), null, List.of(), null, null);
	}

	/**
	 * Return a copy with the given participant name.
	 * @param name the name
	 * @return a new message
	 */
	public ChatMessage withName(@Nullable String name) {
		return new ChatMessage(this.role, this.content, name, this.toolCalls, this.toolCallId, this.reasoningContent);
	}

	/**
	 * Return a copy with the given reasoning text.
	 * @param reasoningContent the reasoning
	 * @return a new message
	 */
	public ChatMessage withReasoningContent(@Nullable String reasoningContent) {
		return new ChatMessage(this.role, this.content, this.name, this.toolCalls, this.toolCallId, reasoningContent);
	}

	/**
	 * Return the text of this message: its text parts joined, or {@code null} when it has
	 * none (e.g. an assistant message with only tool calls, or {@code content: null} on
	 * the wire).
	 * @return the text or {@code null}
	 */
	public @Nullable String text() {
		if (this.content.isEmpty()) {
			return null;
		}
		if (this.content.size() == 1 && this.content.get(0) instanceof TextPart part) {
			return part.text();
		}
		List<String> texts = new ArrayList<>();
		for (ContentPart part : this.content) {
			if (part instanceof TextPart textPart) {
				texts.add(textPart.text());
			}
		}
		return texts.isEmpty() ? null : String.join("", texts);
	}

	/**
	 * Whether this message asks for tool calls.
	 * @return {@code true} if it has at least one tool call
	 */
	public boolean hasToolCalls() {
		return !this.toolCalls.isEmpty();
	}

}
