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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;

/**
 * An incremental parser for {@code text/event-stream} bodies, fed with bytes as they
 * arrive.
 *
 * <p>
 * It follows the
 * <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">SSE
 * specification</a> and the tolerances of the openai-python decoder: lines end with
 * {@code \n}, {@code \r\n} or a lone {@code \r} (also when split across buffers); a UTF-8
 * BOM at the very start is skipped; lines are decoded as UTF-8 only once complete, so a
 * character split across buffers is decoded correctly; one space after the colon is
 * stripped; lines starting with {@code :} are comments; several {@code data:} lines are
 * joined with {@code \n}; {@code retry:} and unknown fields are ignored. An event is
 * dispatched at a blank line, and only if it had data.
 *
 * <p>
 * Keep-alives are dropped: events whose data is blank or, trimmed and ignoring case,
 * {@code :}, {@code :ping}, {@code ping} or {@code keep-alive}. The parser does not
 * interpret {@code [DONE]} (see {@link SseEvent#isDone()}) and does not parse JSON.
 *
 * <p>
 * An event (its data) or a single line larger than {@code maxEventBytes} raises a
 * {@link DataBufferLimitException}, and a line that is not valid UTF-8 raises an
 * {@link SseFormatException}; the parser must not be used again after either.
 *
 * <p>
 * Instances are not thread-safe: one parser serves one body, fed sequentially.
 * {@link #decode(Flux)} creates one per subscription.
 */
public final class SseParser {

	/** The default limit for one event or line: 8 MiB. */
	public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

	private static final byte LF = '\n';

	private static final byte CR = '\r';

	private static final byte COLON = ':';

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** A data buffer grown beyond this by a large event is dropped after it. */
	private static final int RETAINED_DATA_BYTES = 64 * 1024;

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LFS = ONES * LF;

	private static final long CRS = ONES * CR;

	private static final byte[] DATA = ascii("data");

	private static final byte[] EVENT = ascii("event");

	private static final byte[] ID = ascii("id");

	private final int maxEventBytes;

	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	/** Bytes of a line that has not been terminated yet. */
	private byte[] pending = new byte[256];

	private int pendingLength;

	/**
	 * Whether the last buffer ended with {@code \r}, so a leading {@code \n} of the next
	 * one belongs to it.
	 */
	private boolean skipLeadingLf;

	private boolean firstLine = true;

	/** The data of the event so far, {@code \n} between its lines. */
	private byte[] data = new byte[256];

	private int dataLength = -1;

	private int eventBytes;

	private @Nullable String eventType;

	private @Nullable String eventId;

	/**
	 * Create a parser with a limit of {@link #DEFAULT_MAX_EVENT_BYTES} per event.
	 */
	public SseParser() {
		this(DEFAULT_MAX_EVENT_BYTES);
	}

	/**
	 * Create a parser with the given limit per event.
	 * @param maxEventBytes the largest event (sum of its data) or line accepted, in bytes
	 */
	public SseParser(int maxEventBytes) {
		Assert.isTrue(maxEventBytes > 0, "maxEventBytes must be positive");
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Parse a whole buffer.
	 * @param bytes the next bytes of the body
	 * @return the events completed by these bytes, in order; possibly empty
	 * @throws DataBufferLimitException if an event or line exceeds the limit
	 */
	public List<SseEvent> feed(byte[] bytes) {
		Assert.notNull(bytes, "bytes must not be null");
		return feed(bytes, 0, bytes.length);
	}

	/**
	 * Parse a range of a buffer. The bytes are not retained: the caller may reuse the
	 * array afterwards.
	 * @param bytes the buffer
	 * @param offset the first byte to parse
	 * @param length the number of bytes to parse
	 * @return the events completed by these bytes, in order; possibly empty
	 * @throws DataBufferLimitException if an event or line exceeds the limit
	 */
	public List<SseEvent> feed(byte[] bytes, int offset, int length) {
		Assert.notNull(bytes, "bytes must not be null");
		Assert.isTrue(offset >= 0 && length >= 0 && length <= bytes.length - offset, "offset/length out of bounds");
		List<SseEvent> events = null;
		int end = offset + length;
		int i = offset;
		if (this.skipLeadingLf && i < end) {
			this.skipLeadingLf = false;
			if (bytes[i] == LF) {
				i++;
			}
		}
		int lineStart = i;
		while (i < end) {
			i = indexOfLineBreak(bytes, i, end);
			if (i < 0) {
				break;
			}
			byte b = bytes[i];
			SseEvent event;
			if (this.pendingLength > 0) {
				appendPending(bytes, lineStart, i - lineStart);
				event = line(this.pending, 0, this.pendingLength);
				this.pendingLength = 0;
			}
			else {
				checkLimit(i - lineStart);
				event = line(bytes, lineStart, i - lineStart);
			}
			if (event != null) {
				if (events == null) {
					events = new ArrayList<>(4);
				}
				events.add(event);
			}
			i++;
			if (b == CR) {
				if (i < end) {
					if (bytes[i] == LF) {
						i++;
					}
				}
				else {
					this.skipLeadingLf = true;
				}
			}
			lineStart = i;
		}
		if (lineStart < end) {
			appendPending(bytes, lineStart, end - lineStart);
		}
		return (events != null) ? events : Collections.emptyList();
	}

	/**
	 * Find the next {@code \n} or {@code \r}, eight bytes at a time.
	 * @param bytes the buffer
	 * @param from the first index to look at
	 * @param end the index after the last byte to look at
	 * @return the index of the first line break byte, or {@code -1}
	 */
	static int indexOfLineBreak(byte[] bytes, int from, int end) {
		int i = from;
		for (; i <= end - Long.BYTES; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long found = zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < end; i++) {
			if (bytes[i] == LF || bytes[i] == CR) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Mark the zero bytes of a word: the high bit of each zero byte is set. A byte just
	 * above a zero byte may be marked too, so only the lowest mark is exact, which is all
	 * a search for the first match needs.
	 * @param word eight bytes, the first one lowest
	 * @return the marks
	 */
	private static long zeroBytes(long word) {
		return (word - ONES) & ~word & HIGH_BITS;
	}

	/**
	 * Signal the end of the body: an unterminated last line is parsed and a last event
	 * that had no trailing blank line is dispatched. The parser is then ready for a new
	 * body.
	 * @return the last event, if any
	 */
	public List<SseEvent> finish() {
		List<SseEvent> events = new ArrayList<>(1);
		if (this.pendingLength > 0) {
			SseEvent event = line(this.pending, 0, this.pendingLength);
			if (event != null) {
				events.add(event);
			}
		}
		SseEvent last = dispatch();
		if (last != null) {
			events.add(last);
		}
		this.pendingLength = 0;
		this.skipLeadingLf = false;
		this.firstLine = true;
		return events;
	}

	/**
	 * Decode a response body into events, with a limit of
	 * {@link #DEFAULT_MAX_EVENT_BYTES} per event.
	 * @param body the body
	 * @return the events; see {@link #decode(Flux, int)}
	 */
	public static Flux<SseEvent> decode(Flux<DataBuffer> body) {
		return decode(body, DEFAULT_MAX_EVENT_BYTES);
	}

	/**
	 * Decode a response body into events. Each subscription uses its own parser; every
	 * buffer is copied and released at once, and buffers discarded on error or
	 * cancellation are released too. A last event without a trailing blank line is
	 * emitted when the body completes.
	 * @param body the body
	 * @param maxEventBytes the largest event or line accepted, in bytes; larger ones fail
	 * the flux with a {@link DataBufferLimitException}
	 * @return the events
	 */
	public static Flux<SseEvent> decode(Flux<DataBuffer> body, int maxEventBytes) {
		Assert.notNull(body, "body must not be null");
		Assert.isTrue(maxEventBytes > 0, "maxEventBytes must be positive");
		return Flux.defer(() -> {
			SseParser parser = new SseParser(maxEventBytes);
			// hide(): with queue fusion, a cancelled fromIterable/concatMapIterable pair
			// may discard a buffer
			// that map() already consumed (seen with Reactor 3.8), which would release it
			// twice
			return body.hide()
				.map(SseParser::copyAndRelease)
				.concatMapIterable(parser::feed)
				.concatWith(Flux.defer(() -> Flux.fromIterable(parser.finish())));
		}).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	private static byte[] copyAndRelease(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private void appendPending(byte[] bytes, int offset, int length) {
		if (length == 0) {
			return;
		}
		int newLength = this.pendingLength + length;
		checkLimit(newLength);
		if (newLength > this.pending.length) {
			int capacity = (int) Math.min(Math.max((long) this.pending.length * 2, newLength), Integer.MAX_VALUE - 8);
			this.pending = Arrays.copyOf(this.pending, capacity);
		}
		System.arraycopy(bytes, offset, this.pending, this.pendingLength, length);
		this.pendingLength = newLength;
	}

	private void checkLimit(int lineLength) {
		if ((long) this.eventBytes + lineLength > this.maxEventBytes) {
			reset();
			this.pendingLength = 0;
			throw new DataBufferLimitException(
					"Server-sent event exceeds the limit of " + this.maxEventBytes + " bytes");
		}
	}

	/**
	 * Process one complete line (without its line break).
	 * @param bytes the buffer holding the line
	 * @param offset the index of the line's first byte in the buffer
	 * @param length the number of bytes in the line, its line break excluded
	 * @return the event dispatched by a blank line, or {@code null}
	 */
	private @Nullable SseEvent line(byte[] bytes, int offset, int length) {
		if (this.firstLine) {
			this.firstLine = false;
			if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
					&& bytes[offset + 2] == (byte) 0xBF) {
				offset += 3;
				length -= 3;
			}
		}
		if (length == 0) {
			return dispatch();
		}
		if (bytes[offset] == COLON) {
			return null;
		}
		int end = offset + length;
		int colon = offset;
		while (colon < end && bytes[colon] != COLON) {
			colon++;
		}
		int nameLength = colon - offset;
		int valueStart = (colon < end) ? colon + 1 : end;
		if (valueStart < end && bytes[valueStart] == ' ') {
			valueStart++;
		}
		int valueLength = end - valueStart;
		if (nameIs(DATA, bytes, offset, nameLength)) {
			checkUtf8(bytes, valueStart, valueLength);
			addData(bytes, valueStart, valueLength);
		}
		else if (nameIs(EVENT, bytes, offset, nameLength)) {
			this.eventType = (valueLength > 0) ? decode(bytes, valueStart, valueLength) : null;
		}
		else if (nameIs(ID, bytes, offset, nameLength)) {
			String id = decode(bytes, valueStart, valueLength);
			if (id.indexOf('\0') < 0) {
				this.eventId = id;
			}
		}
		return null;
	}

	private void addData(byte[] bytes, int offset, int length) {
		int separator = (this.dataLength < 0) ? 0 : 1;
		int start = Math.max(this.dataLength, 0);
		int newLength = start + separator + length;
		if (newLength > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(this.data.length * 2, newLength));
		}
		if (separator > 0) {
			this.data[start] = LF;
		}
		System.arraycopy(bytes, offset, this.data, start + separator, length);
		this.dataLength = newLength;
		this.eventBytes += length + 1;
	}

	private @Nullable SseEvent dispatch() {
		int length = this.dataLength;
		byte[] data = (length < 0 || isKeepAlive(this.data, length)) ? null : Arrays.copyOf(this.data, length);
		String type = this.eventType;
		String id = this.eventId;
		reset();
		return (data != null) ? new SseEvent(type, data, id) : null;
	}

	private void reset() {
		this.dataLength = -1;
		if (this.data.length > RETAINED_DATA_BYTES) {
			this.data = new byte[256];
		}
		this.eventBytes = 0;
		this.eventType = null;
		this.eventId = null;
	}

	/**
	 * Whether an event's data is a keep-alive: blank, or (trimmed, ignoring case)
	 * {@code :}, {@code :ping}, {@code ping} or {@code keep-alive}.
	 * @param data the data's bytes
	 * @param length the data's length
	 * @return {@code true} for a keep-alive
	 */
	private static boolean isKeepAlive(byte[] data, int length) {
		if (length > 64) {
			return hasNoAsciiText(data, length) && isKeepAlive(new String(data, 0, length, StandardCharsets.UTF_8));
		}
		return isKeepAlive(new String(data, 0, length, StandardCharsets.UTF_8));
	}

	/**
	 * Whether data holds no ASCII character but whitespace: only then can a long data be
	 * blank.
	 * @param data the data's bytes
	 * @param length the data's length
	 * @return {@code false} as soon as an ASCII character other than whitespace is found
	 */
	private static boolean hasNoAsciiText(byte[] data, int length) {
		for (int i = 0; i < length; i++) {
			byte b = data[i];
			if (b >= 0 && !Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isKeepAlive(String data) {
		if (data.isBlank()) {
			return true;
		}
		if (data.length() > 32) {
			return false;
		}
		String value = data.trim();
		switch (value.toLowerCase(Locale.ROOT)) {
			case ":":
			case ":ping":
			case "ping":
			case "keep-alive":
				return true;
			default:
				return false;
		}
	}

	private static boolean nameIs(byte[] name, byte[] bytes, int offset, int length) {
		if (name.length != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[offset + i] != name[i]) {
				return false;
			}
		}
		return true;
	}

	private String decode(byte[] bytes, int offset, int length) {
		if (length == 0) {
			return "";
		}
		if (isAscii(bytes, offset, length)) {
			return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
		}
		return decodeUtf8(bytes, offset, length);
	}

	private void checkUtf8(byte[] bytes, int offset, int length) {
		if (!isAscii(bytes, offset, length)) {
			decodeUtf8(bytes, offset, length);
		}
	}

	private String decodeUtf8(byte[] bytes, int offset, int length) {
		try {
			return this.utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
		}
		catch (CharacterCodingException ex) {
			reset();
			this.pendingLength = 0;
			throw new SseFormatException("A line of the event stream is not valid UTF-8", ex);
		}
	}

	private static boolean isAscii(byte[] bytes, int offset, int length) {
		int end = offset + length;
		int i = offset;
		for (; i <= end - Long.BYTES; i += Long.BYTES) {
			if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
				return false;
			}
		}
		for (; i < end; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

}
