package dev.chatstarter.core.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The HTTP stack of a provider: a {@link WebClient} on Reactor Netty with the provider's pool, connect timeout, HTTP
 * version and headers, and its paths expanded to URIs. {@link ProviderHttpClient} creates it on the provider's first
 * request: it loads a few thousand classes, which start-up need not pay for.
 */
final class ProviderTransport {

	private final WebClient webClient;

	private final UriBuilderFactory uriFactory;

	/** The URIs of the paths called so far, expanded once instead of on every request. */
	private final Map<String, URI> uris = new ConcurrentHashMap<>();

	private ProviderTransport(WebClient webClient, UriBuilderFactory uriFactory) {
		this.webClient = webClient;
		this.uriFactory = uriFactory;
	}

	/**
	 * Create the HTTP stack of a provider. What the application customizes runs here: when it fails, the error names
	 * the provider and what to check.
	 * @param provider the provider name
	 * @param settings how to reach the provider
	 * @param webClientBuilder supplies the builder to start from (cloned), or {@code null} for a plain one
	 * @param httpClientCustomizer customizes the Reactor Netty client after the timeouts are applied
	 * @param connectionPool the connection pool
	 * @return the transport
	 * @throws IllegalStateException if a customization fails
	 */
	static ProviderTransport create(String provider, HttpSettings settings,
			@Nullable Supplier<WebClient.Builder> webClientBuilder, UnaryOperator<HttpClient> httpClientCustomizer,
			ConnectionPool connectionPool) {
		try {
			BodyTimeouts.initialize();
			UriBuilderFactory uriFactory = new DefaultUriBuilderFactory(BaseUrl.resolve(settings.baseUrl()));
			WebClient.Builder builder = (webClientBuilder != null) ? webClientBuilder.get().clone()
					: WebClient.builder();
			WebClient webClient = builder.uriBuilderFactory(uriFactory)
				.clientConnector(new ReactorClientHttpConnector(
						httpClientCustomizer.apply(httpClient(settings, connectionPool.get()))))
				.defaultHeaders((headers) -> {
					headers.addAll(settings.headers());
					headers.setAccept(List.of(MediaType.APPLICATION_JSON));
					if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
						headers.setBearerAuth(settings.apiKey().trim());
					}
				})
				.build();
			return new ProviderTransport(webClient, uriFactory);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not create the HTTP client of chat provider '" + provider + "': "
					+ ex.getMessage() + ". Check its SSL bundle, its WebClient.Builder and its httpClient(..) customizer",
					ex);
		}
	}

	private static HttpClient httpClient(HttpSettings settings, ConnectionProvider connectionProvider) {
		HttpClient client = HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
					settings.connectTimeout().toMillis()));
		if (settings.httpVersion() == HttpVersion.HTTP_2) {
			boolean secure = settings.baseUrl().trim().regionMatches(true, 0, "https:", 0, 6);
			return secure ? client.protocol(HttpProtocol.H2, HttpProtocol.HTTP11).secure()
					: client.protocol(HttpProtocol.H2C, HttpProtocol.HTTP11);
		}
		// HTTP/1.1 is Reactor Netty's default: setting it anyway would initialise its default TLS context and the
		// HTTP/3 native library at startup (about 300 ms), before any request needs them
		return client;
	}

	/**
	 * Start a request.
	 * @param method the method
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @return the request, ready to be exchanged
	 */
	WebClient.RequestHeadersSpec<?> request(HttpMethod method, String path, byte @Nullable [] body) {
		URI uri = this.uris.computeIfAbsent(path, this.uriFactory::expand);
		WebClient.RequestBodySpec spec = this.webClient.method(method).uri(uri);
		if (body != null) {
			return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return spec;
	}

}
