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

package dev.chatstarter.core.internal.resilience;

import java.util.List;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.internal.ChatExchange;

/**
 * A provider that a fallback chain can send to: its guarded stage (refusing at once while
 * it cools down), its default options, and its own fallbacks, which follow it in the
 * chain.
 */
public interface FallbackMember {

	/**
	 * Return the provider name.
	 * @return the name
	 */
	String provider();

	/**
	 * Return the provider's default options, which replace the first provider's in a
	 * request sent to it.
	 * @return the options
	 */
	ChatOptions defaultOptions();

	/**
	 * Return the stage a fallback chain sends to: guarded, and refusing at once while the
	 * provider cools down.
	 * @return the stage
	 */
	ChatExchange fallbackExchange();

	/**
	 * Return the provider's own fallbacks, as configured.
	 * @return the fallbacks
	 */
	List<FallbackMember> fallbacks();

}
