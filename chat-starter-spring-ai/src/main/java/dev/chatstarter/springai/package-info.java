/**
 * chat-starter providers as Spring AI {@link org.springframework.ai.chat.model.ChatModel}s: the model and its
 * options, and the conversions between Spring AI's prompts and answers and chat-starter's.
 */
@NullMarked
package dev.chatstarter.springai;

import org.jspecify.annotations.NullMarked;
