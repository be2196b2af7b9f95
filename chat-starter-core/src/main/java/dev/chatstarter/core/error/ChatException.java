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

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.internal.text.ProviderText;

/**
 * The root of every exception a {@code ChatTemplate} raises for a failed provider call.
 * It carries the provider name, the HTTP status, the provider's own message, code and
 * type, and a short excerpt of the raw body; never the API key or another configured
 * secret. Its message is one line, with the provider's message cut to
 * {@value ProviderText#MESSAGE_LIMIT} characters; {@link #getProviderMessage()} has it in
 * full. Subclasses tell the kind of failure; {@link #isRetryable()} says whether trying
 * again may help.
 */
public class ChatException extends RuntimeException {

	/** The longest code, type or request id the message shows, in characters. */
	private static final int FIELD_LIMIT = 200;

	private final ErrorDetails details;

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatException(ErrorDetails details, @Nullable Throwable cause) {
		super(describe(details, null), cause);
		this.details = details;
	}

	/**
	 * Create an exception with a summary that precedes the provider's message.
	 * @param summary what kind of failure this is
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	protected ChatException(String summary, ErrorDetails details, @Nullable Throwable cause) {
		super(describe(details, summary), cause);
		this.details = details;
	}

	private static String describe(ErrorDetails details, @Nullable String summary) {
		StringBuilder message = new StringBuilder();
		message.append("Provider '").append(details.provider()).append("'");
		if (details.status() > 0) {
			message.append(" answered HTTP ").append(details.status());
		}
		if (summary != null) {
			message.append((details.status() > 0) ? " (" : " failed (").append(summary).append(")");
		}
		String providerMessage = (details.providerMessage() != null)
				? ProviderText.cap(details.providerMessage(), ProviderText.MESSAGE_LIMIT) : null;
		if (providerMessage != null) {
			message.append(": ").append(providerMessage);
		}
		String requestId = details.requestId();
		if (requestId != null && providerMessage != null && requestId.length() <= FIELD_LIMIT
				&& providerMessage.contains(requestId)) {
			requestId = null;
		}
		if (details.code() != null || details.type() != null || requestId != null) {
			message.append(" [");
			String separator = "";
			if (details.code() != null) {
				message.append("code=").append(ProviderText.cap(details.code(), FIELD_LIMIT));
				separator = ", ";
			}
			if (details.type() != null) {
				message.append(separator).append("type=").append(ProviderText.cap(details.type(), FIELD_LIMIT));
				separator = ", ";
			}
			if (requestId != null) {
				message.append(separator).append("requestId=").append(ProviderText.cap(requestId, FIELD_LIMIT));
			}
			message.append("]");
		}
		if (details.providerMessage() == null && details.rawExcerpt() != null) {
			message.append(": ").append(details.rawExcerpt());
		}
		return message.toString();
	}

	/**
	 * Return everything known of the failure.
	 * @return the details
	 */
	public ErrorDetails getDetails() {
		return this.details;
	}

	/**
	 * Return the configured name of the provider that failed.
	 * @return the provider name
	 */
	public String getProvider() {
		return this.details.provider();
	}

	/**
	 * Return the HTTP status of the failed response.
	 * @return the status, or {@code 0} when no response was received
	 */
	public int getStatusCode() {
		return this.details.status();
	}

	/**
	 * Return the provider's own error message in full, unlike {@link #getMessage()},
	 * which shows at most {@value ProviderText#MESSAGE_LIMIT} characters of it. Secrets
	 * are masked and control characters escaped, as in every text of
	 * {@link ErrorDetails}.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getProviderMessage() {
		return this.details.providerMessage();
	}

	/**
	 * Return the provider's error code.
	 * @return the code, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.details.code();
	}

	/**
	 * Return the provider's error type.
	 * @return the type, or {@code null}
	 */
	public @Nullable String getErrorType() {
		return this.details.type();
	}

	/**
	 * Return the request id the provider or relay reported, to quote in a support ticket.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.details.requestId();
	}

	/**
	 * Return a short excerpt of the raw response body.
	 * @return the excerpt, or {@code null}
	 */
	public @Nullable String getRawExcerpt() {
		return this.details.rawExcerpt();
	}

	/**
	 * Whether the same request may succeed when sent again (408, 409, 429, 5xx, timeouts,
	 * connection failures).
	 * @return {@code true} if a retry may help
	 */
	public boolean isRetryable() {
		int status = this.details.status();
		return status == 408 || status == 409;
	}

}
