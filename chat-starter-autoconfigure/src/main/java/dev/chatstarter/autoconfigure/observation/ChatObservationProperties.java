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

package dev.chatstarter.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Observations of the providers' calls.
 *
 * <p>
 * Bound from {@code chat.observations.*}.
 */
@ConfigurationProperties(prefix = ChatObservationProperties.PREFIX, ignoreUnknownFields = false)
public final class ChatObservationProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "chat.observations";

	/**
	 * Whether to log the messages of every chat call at INFO level. Prompts may contain
	 * personal or confidential data; a warning is logged at startup when this is on.
	 */
	private boolean logPrompts;

	/**
	 * Whether to log the answer of every chat call at INFO level. Answers may contain
	 * personal or confidential data; a warning is logged at startup when this is on.
	 */
	private boolean logCompletions;

	public boolean isLogPrompts() {
		return this.logPrompts;
	}

	public void setLogPrompts(boolean logPrompts) {
		this.logPrompts = logPrompts;
	}

	public boolean isLogCompletions() {
		return this.logCompletions;
	}

	public void setLogCompletions(boolean logCompletions) {
		this.logCompletions = logCompletions;
	}

}
