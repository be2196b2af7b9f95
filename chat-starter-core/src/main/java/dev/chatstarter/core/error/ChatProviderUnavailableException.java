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

/**
 * The provider was not called because it is cooling down after repeated failures, or
 * because a client-side limit (concurrent requests, requests or tokens per minute)
 * refused the call. A fallback chain moves on to its next provider at once.
 */
public class ChatProviderUnavailableException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatProviderUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
		super("not called", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
