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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

import dev.chatstarter.core.http.BaseUrl;

/**
 * The URIs of a provider's paths: the path appended to the {@link BaseUrl resolved base
 * URL}, whose query (e.g. Azure's {@code api-version}) is kept; each path is expanded
 * once instead of on every request.
 */
final class ProviderUris {

	private final UriBuilderFactory factory;

	private final Map<String, URI> uris = new ConcurrentHashMap<>();

	ProviderUris(String baseUrl) {
		this.factory = new DefaultUriBuilderFactory(BaseUrl.resolve(baseUrl));
	}

	/**
	 * Return the URI of a path.
	 * @param path the path below the base URL
	 * @return the absolute URI
	 */
	URI of(String path) {
		return this.uris.computeIfAbsent(path, this.factory::expand);
	}

}
