package dev.chatstarter.core.error;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What is known about one failed provider call. Every text here has been cleared of the provider's API key.
 *
 * @param provider the configured provider name
 * @param status the HTTP status, or {@code 0} when no response was received
 * @param providerMessage the provider's own error message
 * @param code the provider's error code (string or number as text)
 * @param type the provider's error type
 * @param rawExcerpt a short excerpt of the raw body (HTML reduced to its title)
 */
public record ErrorDetails(String provider, int status, @Nullable String providerMessage, @Nullable String code,
		@Nullable String type, @Nullable String rawExcerpt) {

	public ErrorDetails {
		Assert.notNull(provider, "provider must not be null");
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

}
