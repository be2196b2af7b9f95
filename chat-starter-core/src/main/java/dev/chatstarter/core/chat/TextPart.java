package dev.chatstarter.core.chat;

import org.springframework.util.Assert;

/**
 * A text part of a message ({@code {"type":"text","text":...}}).
 *
 * @param text the text
 */
public record TextPart(String text) implements ContentPart {

	public TextPart {
		Assert.notNull(text, "text must not be null");
	}

}
