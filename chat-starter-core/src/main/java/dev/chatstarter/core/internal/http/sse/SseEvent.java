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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One server-sent event. Its data is held as the UTF-8 bytes the parser read (already
 * checked to be valid UTF-8), so that a JSON parser can read them without a detour
 * through a {@link String}; {@link #data()} decodes them once, when asked.
 */
public final class SseEvent {

	/** The data value OpenAI sends as the last event of a stream. */
	public static final String DONE = "[DONE]";

	private static final byte[] DONE_BYTES = DONE.getBytes(StandardCharsets.US_ASCII);

	private final @Nullable String event;

	private final byte[] dataBytes;

	private final @Nullable String id;

	private @Nullable String data;

	/**
	 * Create an event.
	 * @param event the {@code event:} field, or {@code null}
	 * @param data the {@code data:} lines joined with {@code \n}
	 * @param id the {@code id:} field, or {@code null}
	 */
	public SseEvent(@Nullable String event, String data, @Nullable String id) {
		this(event, data.getBytes(StandardCharsets.UTF_8), id);
		this.data = data;
	}

	/**
	 * Create an event from data the parser checked to be valid UTF-8.
	 * @param event the {@code event:} field, or {@code null}
	 * @param dataBytes the UTF-8 bytes of the data, owned by the event from now on
	 * @param id the {@code id:} field, or {@code null}
	 */
	SseEvent(@Nullable String event, byte[] dataBytes, @Nullable String id) {
		Assert.notNull(dataBytes, "dataBytes must not be null");
		this.event = event;
		this.dataBytes = dataBytes;
		this.id = id;
	}

	/**
	 * The {@code event:} field.
	 * @return the event type, or {@code null}
	 */
	public @Nullable String event() {
		return this.event;
	}

	/**
	 * The data, decoded on the first call.
	 * @return the {@code data:} lines joined with {@code \n}
	 */
	public String data() {
		String data = this.data;
		if (data == null) {
			data = new String(this.dataBytes, StandardCharsets.UTF_8);
			this.data = data;
		}
		return data;
	}

	/**
	 * The data as UTF-8 bytes. The array is the event's own: callers must not modify it.
	 * @return the bytes of {@link #data()}
	 */
	public byte[] dataBytes() {
		return this.dataBytes;
	}

	/**
	 * The {@code id:} field.
	 * @return the event id, or {@code null}
	 */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * Whether this is the {@code [DONE]} sentinel, surrounding whitespace ignored.
	 * @return {@code true} for {@code data: [DONE]}
	 */
	public boolean isDone() {
		int start = 0;
		int end = this.dataBytes.length;
		while (start < end && isSpaceOrControl(this.dataBytes[start])) {
			start++;
		}
		while (end > start && isSpaceOrControl(this.dataBytes[end - 1])) {
			end--;
		}
		return Arrays.equals(this.dataBytes, start, end, DONE_BYTES, 0, DONE_BYTES.length);
	}

	/**
	 * Whether the server marked this event as an error ({@code event: error}).
	 * @return {@code true} for an error event
	 */
	public boolean isErrorEvent() {
		return "error".equalsIgnoreCase(this.event);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof SseEvent that && Objects.equals(this.event, that.event)
				&& Arrays.equals(this.dataBytes, that.dataBytes) && Objects.equals(this.id, that.id));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.event, Arrays.hashCode(this.dataBytes), this.id);
	}

	@Override
	public String toString() {
		return "SseEvent[event=" + this.event + ", data=" + data() + ", id=" + this.id + "]";
	}

	/**
	 * Whether a byte is one {@link String#trim()} removes.
	 * @param b the byte
	 * @return {@code true} for a space or an ASCII control character
	 */
	private static boolean isSpaceOrControl(byte b) {
		return b >= 0 && b <= ' ';
	}

}
