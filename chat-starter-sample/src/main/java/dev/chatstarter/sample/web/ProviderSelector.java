package dev.chatstarter.sample.web;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Picks the {@link ChatTemplate} a request asks for with its {@code provider} parameter, or the default one.
 */
@Component
public class ProviderSelector {

	private final ChatTemplates templates;

	public ProviderSelector(ChatTemplates templates) {
		this.templates = templates;
	}

	/**
	 * Select a provider's template.
	 * @param provider the requested provider name, or {@code null} for the default provider
	 * @return the template
	 * @throws BadChatRequestException if no provider has that name
	 */
	public ChatTemplate select(@Nullable String provider) {
		if (!StringUtils.hasText(provider)) {
			return this.templates.getDefault();
		}
		// the names of the configured providers are not listed: they are configuration, not the client's business
		return this.templates.find(provider.trim())
			.orElseThrow(() -> new BadChatRequestException("Unknown provider '" + provider.trim() + "'",
					provider.trim()));
	}

	/**
	 * Check that a message is not blank and not longer than {@link InputLimits#MAX_TEXT_CHARS}.
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
