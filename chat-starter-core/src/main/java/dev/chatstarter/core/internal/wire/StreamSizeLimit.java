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

package dev.chatstarter.core.internal.wire;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.Logprobs;
import dev.chatstarter.core.error.ChatResponseTooLargeException;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * The total limit of one stream ({@code max-stream-size}): counts what folding its chunks
 * keeps, and fails once it passes the limit. Text (content, reasoning, tool-call ids,
 * names and arguments, log-probability tokens) counts its UTF-8 length; every choice
 * delta counts {@value #CHOICE_BYTES} bytes, every tool-call fragment
 * {@value #TOOL_CALL_BYTES} and every token log probability {@value #LOGPROB_BYTES} more,
 * so that a flood of empty choices or calls passes the limit too. A chunk without choices
 * (usage only) counts nothing.
 *
 * <p>
 * Counting a chunk costs time proportional to its size. Not thread-safe: one stream is
 * consumed sequentially.
 */
public final class StreamSizeLimit {

	/** What each choice delta of a chunk counts beside its text. */
	public static final int CHOICE_BYTES = 16;

	/** What each tool-call fragment counts beside its id, name and arguments. */
	public static final int TOOL_CALL_BYTES = 32;

	/** What each token log probability counts beside its token and bytes. */
	public static final int LOGPROB_BYTES = 16;

	private final String provider;

	private final long maxBytes;

	private long size;

	/**
	 * Create the limit of one stream.
	 * @param provider the provider name, for the exception
	 * @param maxBytes the limit in bytes
	 */
	public StreamSizeLimit(String provider, long maxBytes) {
		Assert.notNull(provider, "provider must not be null");
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
		this.provider = provider;
		this.maxBytes = maxBytes;
	}

	/**
	 * Count the next chunk of the stream.
	 * @param chunk the chunk
	 * @throws ChatResponseTooLargeException once the stream passed the limit
	 */
	public void add(ChatChunk chunk) {
		long size = this.size;
		for (ChunkChoice choice : chunk.choices()) {
			size += CHOICE_BYTES + utf8Length(choice.content()) + utf8Length(choice.reasoningContent());
			for (ToolCallDelta call : choice.toolCalls()) {
				size += TOOL_CALL_BYTES + utf8Length(call.id()) + utf8Length(call.name())
						+ utf8Length(call.arguments());
			}
			Logprobs logprobs = choice.logprobs();
			if (logprobs != null) {
				size += size(logprobs.content());
			}
		}
		this.size = size;
		if (size > this.maxBytes) {
			throw new ChatResponseTooLargeException(this.provider, this.maxBytes);
		}
	}

	/**
	 * Return what the stream counted so far.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

	private static long size(List<Logprobs.TokenLogprob> logprobs) {
		long size = 0;
		for (Logprobs.TokenLogprob logprob : logprobs) {
			List<Integer> bytes = logprob.bytes();
			size += LOGPROB_BYTES + utf8Length(logprob.token()) + ((bytes != null) ? 4L * bytes.size() : 0)
					+ size(logprob.topLogprobs());
		}
		return size;
	}

	static long utf8Length(@Nullable String text) {
		if (text == null) {
			return 0;
		}
		int length = text.length();
		long bytes = length;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				// 2 bytes up to U+07FF, 3 above; a surrogate pair (2 chars) makes 4
				bytes += (c < 0x800 || Character.isSurrogate(c)) ? 1 : 2;
			}
		}
		return bytes;
	}

}
