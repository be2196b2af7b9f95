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
 * No answer arrived in time: the connect timeout, the response timeout (time to first
 * byte) or the stream idle timeout (between chunks) passed. When the call timeout
 * ({@code call-timeout} or a call's own {@code timeout(..)}) passed, it ended the whole
 * call, which is not retried.
 */
public class ChatTimeoutException extends ChatException {

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param cause the underlying cause, if any
	 */
	public ChatTimeoutException(ErrorDetails details, @Nullable Throwable cause) {
		super("timed out", details, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
