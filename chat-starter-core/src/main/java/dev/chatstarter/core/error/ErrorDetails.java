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
import org.springframework.util.Assert;

import dev.chatstarter.core.internal.text.ProviderText;

/**
 * What is known about one failed provider call. Every text here has been cleared of the
 * provider's secrets, and its control characters (CR, LF, other C0/C1 controls,
 * {@code U+2028}/{@code U+2029}, bidirectional overrides) are escaped
 * ({@link ProviderText#escapeControls(String)}), so that no text can forge a log line.
 * The texts are kept in full; {@link ChatException#getMessage()} shows at most
 * {@value ProviderText#MESSAGE_LIMIT} characters of the provider's message.
 *
 * @param provider the configured provider name
 * @param status the HTTP status, or {@code 0} when no response was received
 * @param providerMessage the provider's own error message, in full
 * @param code the provider's error code (string or number as text)
 * @param type the provider's error type
 * @param rawExcerpt a short excerpt of the raw body (HTML reduced to its title)
 * @param requestId the request id the provider or relay reported (body or headers), for
 * support tickets
 */
public record ErrorDetails(String provider, int status, @Nullable String providerMessage, @Nullable String code,
		@Nullable String type, @Nullable String rawExcerpt, @Nullable String requestId) {

	public ErrorDetails {
		Assert.notNull(provider, "provider must not be null");
		provider = ProviderText.escapeControls(provider);
		providerMessage = escape(providerMessage);
		code = escape(code);
		type = escape(type);
		rawExcerpt = escape(rawExcerpt);
		requestId = escape(requestId);
	}

	/**
	 * Create details without a request id.
	 * @param provider the configured provider name
	 * @param status the HTTP status, or {@code 0} when no response was received
	 * @param providerMessage the provider's own error message
	 * @param code the provider's error code
	 * @param type the provider's error type
	 * @param rawExcerpt a short excerpt of the raw body
	 */
	public ErrorDetails(String provider, int status, @Nullable String providerMessage, @Nullable String code,
			@Nullable String type, @Nullable String rawExcerpt) {
		this(provider, status, providerMessage, code, type, rawExcerpt, null);
	}

	/**
	 * Details of a failure that happened before any response arrived.
	 * @param provider the provider name
	 * @param message what happened
	 * @return the details
	 */
	public static ErrorDetails local(String provider, String message) {
		return new ErrorDetails(provider, 0, message, null, null, null);
	}

	private static @Nullable String escape(@Nullable String text) {
		return (text != null) ? ProviderText.escapeControls(text) : null;
	}

}
