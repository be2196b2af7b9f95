package dev.chatstarter.core.internal.http.sse;

/**
 * Raised by {@link SseParser} when an event stream cannot be decoded, e.g. a line that is not valid UTF-8. The
 * parser must not be used again afterwards.
 */
public class SseFormatException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what was wrong
	 * @param cause the underlying cause
	 */
	public SseFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
