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

package dev.chatstarter.core.state;

import org.jspecify.annotations.Nullable;

/**
 * The {@link SharedStateStore} did not answer in time, or failed; with
 * {@link SharedStateSettings.FailureMode#FAIL_OPEN} the call is decided locally instead.
 */
public class SharedStateUnavailableException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what failed
	 * @param cause the store's failure, if any
	 */
	public SharedStateUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
