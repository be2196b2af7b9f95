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

package dev.chatstarter.springai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.chat.ToolCall;

/**
 * Turns Spring AI's messages into chat-starter's: system, user (text and images),
 * assistant (text and tool calls) and tool messages (one per tool response). Media other
 * than images is refused: the chat dialect carries text and images only.
 */
final class MessageConverter {

	private MessageConverter() {
	}

	/**
	 * Convert a conversation.
	 * @param messages the Spring AI messages, in order
	 * @return the chat-starter messages, in the same order
	 * @throws IllegalArgumentException for a message type or media type the chat dialect
	 * cannot carry
	 */
	static List<ChatMessage> toChatStarter(List<Message> messages) {
		List<ChatMessage> converted = new ArrayList<>(messages.size());
		for (Message message : messages) {
			if (message instanceof SystemMessage system) {
				converted.add(ChatMessage.system(text(system.getText())));
			}
			else if (message instanceof UserMessage user) {
				converted.add(user(user));
			}
			else if (message instanceof AssistantMessage assistant) {
				converted.add(assistant(assistant));
			}
			else if (message instanceof ToolResponseMessage tool) {
				for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
					converted.add(ChatMessage.tool(response.id(), text(response.responseData())));
				}
			}
			else {
				throw new IllegalArgumentException("Unsupported message type: " + message.getMessageType());
			}
		}
		return converted;
	}

	private static ChatMessage user(UserMessage user) {
		if (user.getMedia().isEmpty()) {
			return ChatMessage.user(text(user.getText()));
		}
		List<ContentPart> parts = new ArrayList<>(user.getMedia().size() + 1);
		if (StringUtils.hasLength(user.getText())) {
			parts.add(new TextPart(user.getText()));
		}
		for (Media media : user.getMedia()) {
			parts.add(image(media));
		}
		return ChatMessage.user(parts);
	}

	private static ImagePart image(Media media) {
		if (!"image".equals(media.getMimeType().getType())) {
			throw new IllegalArgumentException("Only image media can be sent to a chat provider, not "
					+ media.getMimeType() + " (media " + media.getName() + ")");
		}
		Object data = media.getData();
		if (data instanceof URI uri) {
			return ImagePart.of(uri);
		}
		if (data instanceof String url) {
			return new ImagePart(url, null);
		}
		if (data instanceof byte[] bytes) {
			return ImagePart.of(bytes, media.getMimeType());
		}
		if (data instanceof Resource resource) {
			return ImagePart.of(readAll(resource), media.getMimeType());
		}
		throw new IllegalArgumentException("Unsupported image data: " + data.getClass().getName());
	}

	private static byte[] readAll(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read image " + resource.getDescription(), ex);
		}
	}

	/**
	 * An assistant message, with the reasoning it carried in its metadata (sent back
	 * where the provider's dialect echoes reasoning, e.g. DeepSeek's thinking mode with
	 * tools).
	 * @param assistant the Spring AI assistant message
	 * @return the chat-starter assistant message, with its text or tool calls and its
	 * reasoning content
	 */
	private static ChatMessage assistant(AssistantMessage assistant) {
		String text = assistant.getText();
		ChatMessage message;
		if (!assistant.hasToolCalls()) {
			message = ChatMessage.assistant(text(text));
		}
		else {
			List<ToolCall> calls = new ArrayList<>(assistant.getToolCalls().size());
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				calls.add(new ToolCall(call.id(), call.name(), text(call.arguments())));
			}
			message = ChatMessage.assistant(StringUtils.hasLength(text) ? text : null, calls);
		}
		Object reasoning = assistant.getMetadata().get(ResponseConverter.REASONING_CONTENT);
		return (reasoning instanceof String value && !value.isEmpty()) ? message.withReasoningContent(value) : message;
	}

	private static String text(@org.jspecify.annotations.Nullable String text) {
		return (text != null) ? text : "";
	}

}
