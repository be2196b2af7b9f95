package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP stack of a provider: sends one request and hands the answer's status, headers and body to a
 * {@link ResponseHandler}. {@link ProviderHttpClient} creates it on the provider's first request: it loads a few
 * thousand classes, which start-up need not pay for. Two kinds exist: straight on Reactor Netty's {@link HttpClient}
 * (the default, with the least work per request) and on a {@link WebClient}, when the application hands over a
 * {@link WebClient.Builder} so that its filters, codecs and observations apply.
 */
interface ProviderTransport {

	/**
	 * Send a request.
	 * @param method the method
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param headers headers of this request only (e.g. the trace context), set over the provider's
	 * @param handler reads the answer
	 * @return the body as the handler returns it; buffers are released by whoever consumes them
	 */
	Flux<DataBuffer> exchange(HttpMethod method, String path, byte @Nullable [] body, Map<String, String> headers,
			ResponseHandler handler);

	/**
	 * Return the URI a path is sent to.
	 * @param path the path below the base URL
	 * @return the absolute URI
	 */
	URI uri(String path);

	/**
	 * Create the HTTP stack of a provider. What the application customizes runs here: when it fails, the error names
	 * the provider and what to check.
	 * @param provider the provider name
	 * @param settings how to reach the provider
	 * @param webClientBuilder supplies the builder to start from (cloned), or {@code null} to send straight on
	 * Reactor Netty
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
			ProviderUris uris = new ProviderUris(settings.baseUrl());
			HttpClient httpClient = httpClientCustomizer.apply(httpClient(settings, connectionPool));
			return (webClientBuilder != null)
					? new WebClientTransport(settings, webClientBuilder.get(), httpClient, uris)
					: new ReactorNettyTransport(settings, httpClient, uris);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not create the HTTP client of chat provider '" + provider + "': "
					+ ex.getMessage() + ". Check its SSL bundle, its WebClient.Builder and its httpClient(..) customizer",
					ex);
		}
	}

	private static HttpClient httpClient(HttpSettings settings, ConnectionPool connectionPool) {
		HttpClient client = HttpClient.create(connectionPool.get())
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
	 * Reads an answer.
	 */
	@FunctionalInterface
	interface ResponseHandler {

		/**
		 * Read an answer.
		 * @param status the HTTP status code
		 * @param headers the response headers
		 * @param body the body; each buffer must be released by whoever consumes it
		 * @return what the exchange emits
		 */
		Flux<DataBuffer> handle(int status, HttpHeaders headers, Flux<DataBuffer> body);

	}

}
