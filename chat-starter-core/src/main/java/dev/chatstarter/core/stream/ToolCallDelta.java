package dev.chatstarter.core.stream;

import org.jspecify.annotations.Nullable;

/**
 * A fragment of a tool call in a stream. The first fragment usually carries the index, id and name, later ones
 * pieces of the arguments; providers differ (missing index, whole calls in one chunk, late names).
 *
 * @param index the call's position, or {@code null} when the provider omitted it
 * @param id the call id, when present
 * @param name the function name, when present
 * @param arguments a piece of the JSON arguments, when present
 */
public record ToolCallDelta(@Nullable Integer index, @Nullable String id, @Nullable String name,
		@Nullable String arguments) {

}
