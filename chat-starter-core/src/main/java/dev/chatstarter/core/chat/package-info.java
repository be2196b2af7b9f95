/**
 * The user-facing chat model: messages, content parts, options, responses and tool calls.
 */
@NullMarked
package dev.chatstarter.core.chat;

import org.jspecify.annotations.NullMarked;
