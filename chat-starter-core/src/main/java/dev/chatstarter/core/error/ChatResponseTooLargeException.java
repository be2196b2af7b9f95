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

package dev.chatstarter.core.error;

/**
 * A streamed answer grew past the stream's total limit ({@code max-stream-size}): its
 * text, reasoning, tool-call arguments, log probabilities, choices and tool calls
 * together. The stream was cancelled, which closes its connection. Not retryable: the
 * same request would most likely stream the same answer.
 */
public class ChatResponseTooLargeException extends ChatMalformedResponseException {

	private final long maxBytes;

	/**
	 * Create an exception for a stream that passed its limit.
	 * @param provider the provider name
	 * @param maxBytes the limit that was passed, in bytes
	 */
	public ChatResponseTooLargeException(String provider, long maxBytes) {
		super(ErrorDetails.local(provider,
				"the streamed answer is larger than " + maxBytes + " bytes (max-stream-size); raise chat.providers."
						+ provider + ".max-stream-size (ChatTemplate.Builder.maxStreamSize) if such answers are "
						+ "expected"),
				null);
		this.maxBytes = maxBytes;
	}

	/**
	 * Return the limit the stream passed.
	 * @return the limit in bytes
	 */
	public long getMaxBytes() {
		return this.maxBytes;
	}

}
