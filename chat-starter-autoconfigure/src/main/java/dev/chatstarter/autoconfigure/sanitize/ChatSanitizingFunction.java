package dev.chatstarter.autoconfigure.sanitize;

import java.util.Locale;

import dev.chatstarter.core.error.CredentialHeaders;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks {@code chat.providers.<name>.api-key} and the values of credential-like headers under
 * {@code chat.providers.<name>.headers}. Keys are compared in every form Spring Boot accepts: kebab case
 * ({@code api-key}), camel case ({@code apiKey}, as {@code /actuator/configprops} shows them), bracketed map keys and
 * environment variables ({@code CHAT_PROVIDERS_KUAI_APIKEY}).
 */
final class ChatSanitizingFunction implements SanitizingFunction {

	private static final String PROVIDERS = "chat.providers.";

	private static final String HEADERS = ".headers.";

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isSensitive(normalize(data.getKey())) ? data.withSanitizedValue() : data;
	}

	private static boolean isSensitive(String key) {
		if (!key.startsWith(PROVIDERS)) {
			return false;
		}
		if (key.endsWith(".apikey") || key.endsWith(".api.key")) {
			return true;
		}
		int headers = key.indexOf(HEADERS);
		if (headers == -1) {
			return false;
		}
		String header = key.substring(headers + HEADERS.length());
		return CredentialHeaders.isCredential(header);
	}

	/**
	 * Lower case, dots for underscores, no dashes and no brackets: {@code chat.providers.kuai.api-key},
	 * {@code chat.providers.kuai.apiKey} and {@code CHAT_PROVIDERS_KUAI_APIKEY} all read
	 * {@code chat.providers.kuai.apikey}.
	 */
	private static String normalize(String key) {
		return key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "").replace("[", ".").replace("]", "")
			.replace("..", ".");
	}

}
