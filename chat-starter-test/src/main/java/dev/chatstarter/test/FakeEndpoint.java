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

package dev.chatstarter.test;

import java.util.Locale;

/**
 * The endpoints a {@link FakeChatServer} serves. Paths are matched with or without the
 * {@code /v1} prefix.
 */
public enum FakeEndpoint {

	/** {@code POST /v1/chat/completions}. */
	CHAT_COMPLETIONS("POST", "/chat/completions"),

	/** {@code GET /v1/models}. */
	MODELS("GET", "/models"),

	/** {@code POST /v1/images/generations}. */
	IMAGES("POST", "/images/generations"),

	/** Any other method or path; answered with 404 unless scripted. */
	OTHER("", "");

	private static final String VERSION_PREFIX = "/v1";

	private final String method;

	private final String path;

	FakeEndpoint(String method, String path) {
		this.method = method;
		this.path = path;
	}

	/**
	 * Return the HTTP method of the endpoint.
	 * @return the method, empty for {@link #OTHER}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the path of the endpoint below {@code /v1}.
	 * @return the path, e.g. {@code /chat/completions}; empty for {@link #OTHER}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Find the endpoint a request is for.
	 * @param method the HTTP method
	 * @param path the request path, without the query string
	 * @return the endpoint, {@link #OTHER} when none matches
	 */
	public static FakeEndpoint of(String method, String path) {
		String normalized = path;
		if (normalized.length() > 1 && normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		if (normalized.startsWith(VERSION_PREFIX + "/")) {
			normalized = normalized.substring(VERSION_PREFIX.length());
		}
		String upperMethod = method.toUpperCase(Locale.ROOT);
		for (FakeEndpoint endpoint : values()) {
			if (endpoint != OTHER && endpoint.method.equals(upperMethod) && endpoint.path.equals(normalized)) {
				return endpoint;
			}
		}
		return OTHER;
	}

}
