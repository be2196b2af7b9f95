package dev.chatstarter.core.chat;

/**
 * One part of a multi-part message content: text or an image.
 *
 * @see TextPart
 * @see ImagePart
 */
public sealed interface ContentPart permits TextPart, ImagePart {

}
