package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The API key was missing, wrong, expired or lacks permission (HTTP 401/403, or an equivalent in-body error). Check the provider's {@code api-key}.
 */
public class ChatAuthenticationException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatAuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
		super("authentication failed", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
