package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider rejected the request itself (HTTP 400/404/422, unknown model, unsupported parameter). Not retried: the request must change.
 */
public class ChatBadRequestException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatBadRequestException(ErrorDetails details, @Nullable Throwable cause) {
		super("request rejected", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
