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

package dev.chatstarter.autoconfigure.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the starter takes part in the application's web layer.
 *
 * <p>
 * Bound from {@code chat.web.*}.
 */
@ConfigurationProperties(prefix = ChatWebProperties.PREFIX, ignoreUnknownFields = false)
public final class ChatWebProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "chat.web";

	/**
	 * How a ChatException thrown by a controller becomes a response.
	 */
	private final ProblemDetails problemDetails = new ProblemDetails();

	public ProblemDetails getProblemDetails() {
		return this.problemDetails;
	}

	/**
	 * The RFC 9457 problem response for a ChatException thrown by a controller.
	 */
	public static final class ProblemDetails {

		/**
		 * Whether a ChatException that reaches Spring MVC or WebFlux becomes an
		 * application/problem+json response (429 rate limited, 504 timeout, 502 other
		 * provider failures) instead of a bare 500. The application's own exception
		 * handlers come first.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
