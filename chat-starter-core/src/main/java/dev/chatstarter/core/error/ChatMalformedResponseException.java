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
 * The provider answered with something that is not a valid chat completion (not JSON,
 * wrong shape, broken chunk).
 */
public class ChatMalformedResponseException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatMalformedResponseException(ErrorDetails details, @Nullable Throwable cause) {
		super("malformed response", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
