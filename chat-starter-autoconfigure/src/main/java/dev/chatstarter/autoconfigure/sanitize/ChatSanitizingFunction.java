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

package dev.chatstarter.autoconfigure.sanitize;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import dev.chatstarter.core.error.CredentialHeaders;
import dev.chatstarter.core.http.BaseUrl;

/**
 * Keeps chat secrets out of {@code /actuator/configprops} and {@code /actuator/env}, even
 * with {@code show-values: always}:
 * <ul>
 * <li>masks {@code chat.providers.<name>.api-key} and the values of credential-like
 * headers under {@code chat.providers.<name>.headers} ({@link CredentialHeaders});</li>
 * <li>shows {@code chat.providers.<name>.base-url} without its user info and query
 * ({@code http://******@host/v1?******});</li>
 * <li>masks the properties that hold a whole command line or a JSON document of
 * properties ({@code sun.java.command}, {@code SPRING_APPLICATION_JSON},
 * {@code spring.application.json}, {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS},
 * {@code _JAVA_OPTIONS}), where a key given on the command line would otherwise
 * show;</li>
 * <li>masks any other property whose value contains one of the configured secrets
 * ({@link ConfiguredSecrets}).</li>
 * </ul>
 * Keys are compared in every form Spring Boot accepts: kebab case ({@code api-key}),
 * camel case ({@code apiKey}, as {@code /actuator/configprops} shows them), bracketed map
 * keys and environment variables ({@code CHAT_PROVIDERS_KUAI_APIKEY}).
 */
final class ChatSanitizingFunction implements SanitizingFunction {

	private static final String PROVIDERS = "chat.providers.";

	private static final String HEADERS = ".headers.";

	private static final Pattern POOL_KEY = Pattern.compile("\\.api\\.?keys(\\.\\d+)?$");

	private static final String MASK = SanitizableData.SANITIZED_VALUE;

	/**
	 * Normalised names of properties that hold a command line or a JSON document of
	 * properties.
	 */
	private static final Set<String> WHOLE_COMMAND_LINES = Set.of("sun.java.command", "spring.application.json",
			"java.tool.options", "jdk.java.options", ".java.options");

	private final Supplier<Set<String>> secrets;

	/**
	 * Create a function that knows no configured secrets: it masks by property name only.
	 */
	ChatSanitizingFunction() {
		this(Set::of);
	}

	/**
	 * Create a function.
	 * @param secrets the configured secrets, asked for on each use (the bound properties
	 * may not exist yet when this function is made)
	 */
	ChatSanitizingFunction(Supplier<Set<String>> secrets) {
		this.secrets = secrets;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = normalize(data.getKey());
		if (isSensitive(key, data.getKey()) || WHOLE_COMMAND_LINES.contains(key)) {
			return data.withSanitizedValue();
		}
		if (!(data.getValue() instanceof CharSequence text) || text.isEmpty()) {
			return data;
		}
		String value = text.toString();
		if (isBaseUrl(key)) {
			return data.withValue(maskUrl(value));
		}
		for (String secret : this.secrets.get()) {
			if (value.contains(secret)) {
				return data.withSanitizedValue();
			}
		}
		return data;
	}

	private static boolean isSensitive(String key, String originalKey) {
		if (!key.startsWith(PROVIDERS)) {
			return false;
		}
		if (key.endsWith(".apikey") || key.endsWith(".api.key") || isPoolKey(key)) {
			return true;
		}
		if (key.indexOf(HEADERS) == -1) {
			return false;
		}
		// the header name as written (normalising drops its dashes, which separate words
		// like X-PAT); the first
		// "headers" after the prefix, so that what is checked holds the whole header name
		int headers = originalKey.toLowerCase(Locale.ROOT).indexOf("headers", PROVIDERS.length());
		String header = originalKey.substring(headers + "headers".length()).replace("[", "").replace("]", "");
		return CredentialHeaders.isCredential(header);
	}

	/**
	 * Whether a normalized key names the keys of a pool: the whole list ({@code apikeys})
	 * or one of them ({@code apikeys.0}, {@code api.keys.0}).
	 * @param key the normalized key
	 * @return {@code true} for a key of a pool
	 */
	private static boolean isPoolKey(String key) {
		return POOL_KEY.matcher(key).find();
	}

	private static boolean isBaseUrl(String key) {
		return key.startsWith(PROVIDERS) && (key.endsWith(".baseurl") || key.endsWith(".base.url"));
	}

	/**
	 * The URL as {@link BaseUrl#redacted(String)} shows it, with a mask where a user info
	 * or query was.
	 * @param url the base URL whose user info and query are to be hidden
	 * @return the redacted URL, masked where a user info or query was
	 */
	static String maskUrl(String url) {
		String shown = BaseUrl.redacted(url);
		int scheme = url.indexOf("://");
		if (scheme >= 0) {
			int authorityEnd = scheme + 3;
			while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
				authorityEnd++;
			}
			int shownScheme = shown.indexOf("://");
			if (url.lastIndexOf('@', authorityEnd - 1) > scheme && shownScheme >= 0) {
				shown = shown.substring(0, shownScheme + 3) + MASK + "@" + shown.substring(shownScheme + 3);
			}
		}
		if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
			shown = shown + "?" + MASK;
		}
		return shown;
	}

	/**
	 * Lower case, dots for underscores, no dashes and no brackets:
	 * {@code chat.providers.kuai.api-key}, {@code chat.providers.kuai.apiKey} and
	 * {@code CHAT_PROVIDERS_KUAI_APIKEY} all read {@code chat.providers.kuai.apikey}.
	 * @param key the property name as it was written
	 * @return the property name in its normalized form
	 */
	private static String normalize(String key) {
		return key.toLowerCase(Locale.ROOT)
			.replace('_', '.')
			.replace("-", "")
			.replace("[", ".")
			.replace("]", "")
			.replace("..", ".");
	}

}
