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

package dev.chatstarter.core.internal.http.sse;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the {@code id:} field, or {@code null}
 */
public record SseEvent(@Nullable String event, String data, @Nullable String id) {

	/** The data value OpenAI sends as the last event of a stream. */
	public static final String DONE = "[DONE]";

	/**
	 * Whether this is the {@code [DONE]} sentinel.
	 * @return {@code true} for {@code data: [DONE]}
	 */
	public boolean isDone() {
		return DONE.equals(this.data.trim());
	}

	/**
	 * Whether the server marked this event as an error ({@code event: error}).
	 * @return {@code true} for an error event
	 */
	public boolean isErrorEvent() {
		return "error".equalsIgnoreCase(this.event);
	}

}
