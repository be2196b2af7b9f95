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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.error.CredentialHeaders;

/**
 * The secret values of the bound {@link ChatProperties}: every provider's api-key, the
 * values of its credential-like headers (and, for {@code Bearer xyz}, the token alone),
 * and the user info and query values of its base URL. Values shorter than
 * {@value #MIN_LENGTH} characters are left out, so that masking every property that
 * contains one does not mask half of the environment.
 */
final class ConfiguredSecrets {

	/** The shortest value treated as a secret. */
	static final int MIN_LENGTH = 6;

	private ConfiguredSecrets() {
	}

	/**
	 * Collect the secrets of the properties.
	 * @param properties the bound properties
	 * @return the secrets, stripped of surrounding whitespace
	 */
	static Set<String> of(ChatProperties properties) {
		Set<String> secrets = new LinkedHashSet<>();
		for (ChatProperties.Provider provider : properties.getProviders().values()) {
			add(secrets, provider.getApiKey());
			if (provider.getApiKeys() != null) {
				provider.getApiKeys().forEach((key) -> add(secrets, key));
			}
			for (Map.Entry<String, String> header : provider.getHeaders().entrySet()) {
				if (CredentialHeaders.isCredential(header.getKey()) && header.getValue() != null) {
					String value = header.getValue().strip();
					add(secrets, value);
					int space = value.lastIndexOf(' ');
					if (space > 0) {
						add(secrets, value.substring(space + 1));
					}
				}
			}
			addUrlSecrets(secrets, provider.getBaseUrl());
		}
		return secrets;
	}

	private static void addUrlSecrets(Set<String> secrets, @Nullable String baseUrl) {
		if (baseUrl == null) {
			return;
		}
		try {
			URI uri = new URI(baseUrl.strip());
			String userInfo = uri.getRawUserInfo();
			if (userInfo != null) {
				add(secrets, userInfo);
				int colon = userInfo.indexOf(':');
				if (colon >= 0) {
					add(secrets, userInfo.substring(colon + 1));
				}
			}
			String query = uri.getRawQuery();
			if (query != null) {
				for (String parameter : query.split("&")) {
					add(secrets, parameter.substring(parameter.indexOf('=') + 1));
				}
			}
		}
		catch (URISyntaxException ex) {
			// not a URL: the startup validation reports it
		}
	}

	private static void add(Set<String> secrets, @Nullable String value) {
		if (value != null) {
			String stripped = value.strip();
			if (stripped.length() >= MIN_LENGTH) {
				secrets.add(stripped);
			}
		}
	}

}
