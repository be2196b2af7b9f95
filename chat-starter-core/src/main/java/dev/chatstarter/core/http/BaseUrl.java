package dev.chatstarter.core.http;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.util.Assert;

/**
 * Normalises a provider's base URL. {@code https://host}, {@code https://host/} and {@code https://host/v1} all
 * become {@code https://host/v1}, so that {@code /chat/completions} lands on {@code https://host/v1/chat/completions};
 * a URL with another path ({@code https://open.bigmodel.cn/api/paas/v4}) is used as given, without trailing slash.
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
	 * Check that a base URL is an absolute http or https URL with a host.
	 * @param baseUrl the configured URL
	 * @return the parsed URI
	 * @throws IllegalArgumentException with a message that says what is wrong
	 */
	public static URI parse(String baseUrl) {
		Assert.hasText(baseUrl, "the base URL must not be empty");
		URI uri;
		try {
			uri = new URI(baseUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + baseUrl + "' is not a valid URL: " + ex.getMessage(), ex);
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException(
					"'" + baseUrl + "' is not an http or https URL; write it like https://api.openai.com/v1");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new IllegalArgumentException("'" + baseUrl + "' has no host; write it like https://api.openai.com/v1");
		}
		return uri;
	}

}
