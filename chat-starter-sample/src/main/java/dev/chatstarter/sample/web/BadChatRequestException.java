package dev.chatstarter.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the sample rejects before calling any provider: a blank message, an unknown provider, a bad image URL.
 * Answered with {@code 400 application/problem+json}.
 */
public class BadChatRequestException extends RuntimeException {

	private final @Nullable String provider;

	/**
	 * Create an exception.
	 * @param message what is wrong and how to fix it
	 * @param provider the provider the request named, if any
	 */
	public BadChatRequestException(String message, @Nullable String provider) {
		super(message);
		this.provider = provider;
	}

	/**
	 * Return the provider the request named.
	 * @return the provider name, or {@code null}
	 */
	public @Nullable String getProvider() {
		return this.provider;
	}

}
