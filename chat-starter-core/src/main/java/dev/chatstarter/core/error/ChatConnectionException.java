package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection could not be made or broke before a complete answer arrived (refused, reset, DNS, TLS).
 */
public class ChatConnectionException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatConnectionException(ErrorDetails details, @Nullable Throwable cause) {
		super("connection failed", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
