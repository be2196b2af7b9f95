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

package dev.chatstarter.core.stream;

import org.jspecify.annotations.Nullable;

/**
 * A fragment of a tool call in a stream. The first fragment usually carries the index, id
 * and name, later ones pieces of the arguments; providers differ (missing index, whole
 * calls in one chunk, late names).
 *
 * @param index the call's position, or {@code null} when the provider omitted it
 * @param id the call id, when present
 * @param name the function name, when present
 * @param arguments a piece of the JSON arguments, when present
 */
public record ToolCallDelta(@Nullable Integer index, @Nullable String id, @Nullable String name,
		@Nullable String arguments) {

}
