package dev.chatstarter.core.error;

/**
 * A streamed answer grew past the stream's total limit ({@code max-stream-size}): its text, reasoning, tool-call
 * arguments, log probabilities, choices and tool calls together. The stream was cancelled, which closes its
 * connection. Not retryable: the same request would most likely stream the same answer.
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
