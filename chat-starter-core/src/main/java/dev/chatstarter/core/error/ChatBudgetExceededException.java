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

/**
 * The provider's own budget ({@code chat.providers.<name>.budget}) is spent for the
 * current period: the call was refused before anything was sent. With
 * {@code when-exceeded: fallback} it moves to the provider's fallbacks, as an exhausted
 * quota does; with {@code fail} it does not.
 */
public class ChatBudgetExceededException extends ChatQuotaException {

	private final boolean fallbackAllowed;

	/**
	 * Create an exception.
	 * @param details what is known of the failure
	 * @param fallbackAllowed whether the call may move to the provider's fallbacks
	 */
	public ChatBudgetExceededException(ErrorDetails details, boolean fallbackAllowed) {
		super(details, null);
		this.fallbackAllowed = fallbackAllowed;
	}

	/**
	 * Whether the call may move to the provider's fallbacks.
	 * @return {@code true} with {@code when-exceeded: fallback}
	 */
	public boolean isFallbackAllowed() {
		return this.fallbackAllowed;
	}

}
