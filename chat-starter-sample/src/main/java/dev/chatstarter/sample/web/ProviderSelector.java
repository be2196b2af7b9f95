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
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;

/**
 * Picks the {@link ChatTemplate} a request asks for with its {@code provider} parameter,
 * or the default one.
 */
@Component
public class ProviderSelector {

	private final ChatTemplates templates;

	public ProviderSelector(ChatTemplates templates) {
		this.templates = templates;
	}

	/**
	 * Select a provider's template.
	 * @param provider the requested provider name, or {@code null} for the default
	 * provider
	 * @return the template
	 * @throws BadChatRequestException if no provider has that name
	 */
	public ChatTemplate select(@Nullable String provider) {
		if (!StringUtils.hasText(provider)) {
			return this.templates.getDefault();
		}
		// the names of the configured providers are not listed: they are configuration,
		// not the client's business
		return this.templates.find(provider.trim())
			.orElseThrow(
					() -> new BadChatRequestException("Unknown provider '" + provider.trim() + "'", provider.trim()));
	}

	/**
	 * Check that a message is not blank and not longer than
	 * {@link InputLimits#MAX_TEXT_CHARS}.
	 * @param message the message
	 * @param provider the requested provider, for the problem response
	 * @return the message
	 * @throws BadChatRequestException if it is blank or too long
	 */
	static String requireMessage(@Nullable String message, @Nullable String provider) {
		return InputLimits.requireText(message,
				"The message must not be blank: pass ?message=... or {\"message\": \"...\"}", provider);
	}

}
