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

package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.chatstarter.core.error.CredentialHeaders;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.HttpSettings;

/**
 * Warns, once per provider and URL, when an API key or a credential header would be sent
 * over plain {@code http://} to a host that is not the loopback interface, where anyone
 * on the path can read it. The warning names the provider and the URL without user info
 * or query, never the secret. Loopback is told from the URL alone (no DNS lookup):
 * {@code localhost}, {@code *.localhost}, {@code 127.x.x.x} and {@code ::1}.
 */
public final class CleartextCredentials {

	private static final Logger logger = LoggerFactory.getLogger(CleartextCredentials.class);

	private static final Set<String> warned = ConcurrentHashMap.newKeySet();

	private CleartextCredentials() {
	}

	/**
	 * Log the warning if the settings send a credential in clear text and it was not
	 * logged before for this provider and URL.
	 * @param provider the provider name
	 * @param http the provider's HTTP settings
	 * @return whether the warning was logged now
	 */
	public static boolean warnIfExposed(String provider, HttpSettings http) {
		if (!isExposed(http)) {
			return false;
		}
		String url = BaseUrl.redacted(http.baseUrl());
		if (!warned.add(provider + " " + url)) {
			return false;
		}
		logger
			.warn("Provider '{}' sends its API key or credential headers over plain http to {}; anyone on the network "
					+ "path can read them. Use an https:// base URL.", provider, url);
		return true;
	}

	/**
	 * Whether the settings send a credential over plain http to a host that is not
	 * loopback.
	 * @param http the provider's HTTP settings
	 * @return {@code true} if a credential would travel in clear text
	 */
	public static boolean isExposed(HttpSettings http) {
		if (!hasCredential(http)) {
			return false;
		}
		URI uri;
		try {
			uri = BaseUrl.parse(http.baseUrl());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
	}

	private static boolean hasCredential(HttpSettings http) {
		if (!http.apiKeys().isEmpty()) {
			return true;
		}
		for (Map.Entry<String, java.util.List<String>> header : http.headers().headerSet()) {
			if (CredentialHeaders.isCredential(header.getKey())) {
				return true;
			}
		}
		return false;
	}

	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
				|| name.equals("0:0:0:0:0:0:0:1") || isLoopbackIpv4(name);
	}

	private static boolean isLoopbackIpv4(String name) {
		String[] parts = name.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
				return false;
			}
		}
		return true;
	}

}
