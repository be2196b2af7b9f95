package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider or a gateway in front of it failed (HTTP 5xx, Cloudflare pages, upstream errors). Retried.
 */
public class ChatServerException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatServerException(ErrorDetails details, @Nullable Throwable cause) {
		super("server or gateway error", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
