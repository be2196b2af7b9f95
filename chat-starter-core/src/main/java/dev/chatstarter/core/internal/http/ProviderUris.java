package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.chatstarter.core.http.BaseUrl;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The URIs of a provider's paths: the path appended to the {@link BaseUrl resolved base URL}, whose query (e.g.
 * Azure's {@code api-version}) is kept; each path is expanded once instead of on every request.
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
