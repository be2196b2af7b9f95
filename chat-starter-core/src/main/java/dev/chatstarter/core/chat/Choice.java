package dev.chatstarter.core.chat;

import org.jspecify.annotations.Nullable;

/**
 * One completion choice of a response.
 *
 * @param index the choice index ({@code n > 1} gives several)
 * @param message the assistant message: text, tool calls and reasoning
 * @param finishReason why the model stopped ({@code stop}, {@code length}, {@code tool_calls},
 * {@code content_filter}, ...), or {@code null} if the provider did not say
 * @param logprobs the token log probabilities, when requested
 */
public record Choice(int index, ChatMessage message, @Nullable String finishReason, @Nullable Logprobs logprobs) {

}
