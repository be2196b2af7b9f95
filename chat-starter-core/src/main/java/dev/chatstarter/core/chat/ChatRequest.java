package dev.chatstarter.core.chat;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A complete chat completion request: the conversation and the options of this call (already merged with the
 * provider's defaults).
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
