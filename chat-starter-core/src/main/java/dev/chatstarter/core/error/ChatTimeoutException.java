package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * No answer arrived in time: the connect timeout, the response timeout (time to first byte) or the stream idle timeout (between chunks) passed.
 * When the call timeout ({@code call-timeout} or a call's own {@code timeout(..)}) passed, it ended the whole call,
 * which is not retried.
 */
public class ChatTimeoutException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatTimeoutException(ErrorDetails details, @Nullable Throwable cause) {
		super("timed out", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
