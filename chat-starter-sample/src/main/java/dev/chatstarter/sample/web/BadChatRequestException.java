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

package dev.chatstarter.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the sample rejects before calling any provider: a blank message, an unknown
 * provider, a bad image URL. Answered with {@code 400 application/problem+json}.
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
