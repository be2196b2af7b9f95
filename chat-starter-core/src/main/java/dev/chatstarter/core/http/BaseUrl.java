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

package dev.chatstarter.core.http;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.util.Assert;

/**
 * Normalises a provider's base URL. {@code https://host}, {@code https://host/} and
 * {@code https://host/v1} all become {@code https://host/v1}, so that
 * {@code /chat/completions} lands on {@code https://host/v1/chat/completions}; a URL with
 * another path ({@code https://open.bigmodel.cn/api/paas/v4}) is used as given, without
 * trailing slash.
 */
public final class BaseUrl {

	private BaseUrl() {
	}

	/**
	 * Normalise a base URL.
	 * @param baseUrl the configured URL
	 * @return the URL that API paths are appended to
	 * @throws IllegalArgumentException if the URL is not an absolute http or https URL
	 */
	public static String resolve(String baseUrl) {
		URI uri = parse(baseUrl);
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.isEmpty()) {
			path = "/v1";
		}
		StringBuilder url = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(path);
		if (uri.getRawQuery() != null) {
			url.append('?').append(uri.getRawQuery());
		}
		return url.toString();
	}

	/**
	 * Return a URL as it may be shown in messages, logs, health details and
	 * {@code toString()}: scheme, host, port and path only. A user and password
	 * ({@code https://user:pass@host}), the query ({@code ?key=...}) and the fragment are
	 * left out, since any of them may carry a credential. Never throws: text that is not
	 * a URL is reduced to what precedes its first {@code ?}, {@code #} or
	 * {@code @}-delimited user info, in linear time.
	 * @param url the URL, possibly malformed
	 * @return the URL without user info, query and fragment
	 */
	public static String redacted(String url) {
		String text = url.strip();
		try {
			URI uri = new URI(text);
			if (uri.getScheme() != null && uri.getHost() != null) {
				StringBuilder shown = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
				if (uri.getPort() >= 0) {
					shown.append(':').append(uri.getPort());
				}
				return shown.append((uri.getRawPath() != null) ? uri.getRawPath() : "").toString();
			}
		}
		catch (URISyntaxException ex) {
			// fall through to the textual reduction
		}
		int end = text.length();
		for (char stop : new char[] { '?', '#' }) {
			int index = text.indexOf(stop);
			if (index >= 0 && index < end) {
				end = index;
			}
		}
		text = text.substring(0, end);
		int authority = text.indexOf("//");
		int at = text.lastIndexOf('@');
		if (authority >= 0 && at > authority) {
			text = text.substring(0, authority + 2) + text.substring(at + 1);
		}
		return text;
	}

	/**
	 * Check that a base URL is an absolute http or https URL with a host.
	 * @param baseUrl the configured URL
	 * @return the parsed URI
	 * @throws IllegalArgumentException with a message that says what is wrong, showing
	 * the URL without user info or query
	 */
	public static URI parse(String baseUrl) {
		Assert.hasText(baseUrl, "the base URL must not be empty");
		URI uri;
		try {
			uri = new URI(baseUrl.trim());
		}
		catch (URISyntaxException ex) {
			// the parser's own message quotes the whole input, user info and query
			// included
			throw new IllegalArgumentException(
					"'" + redacted(baseUrl) + "' is not a valid URL: " + ex.getReason() + " at index " + ex.getIndex());
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException(
					"'" + redacted(baseUrl) + "' is not an http or https URL; write it like https://api.openai.com/v1");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new IllegalArgumentException(
					"'" + redacted(baseUrl) + "' has no host; write it like https://api.openai.com/v1");
		}
		return uri;
	}

}
