package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import dev.chatstarter.core.http.HttpSettings;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends on a {@link WebClient} cloned from the application's {@link WebClient.Builder}, so that its filters, codecs
 * and observations (Spring Boot's {@code http.client.requests}, trace propagation) apply to chat calls; the template's
 * own Reactor Netty client is installed as its connector.
 */
final class WebClientTransport implements ProviderTransport {

	private final WebClient webClient;

	private final ProviderUris uris;

	WebClientTransport(HttpSettings settings, WebClient.Builder builder, HttpClient httpClient, ProviderUris uris) {
		this.uris = uris;
		this.webClient = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.defaultHeaders((headers) -> {
				headers.addAll(settings.headers());
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				if (settings.apiKey() != null) {
					headers.setBearerAuth(settings.apiKey());
				}
			})
			.build();
	}

	@Override
	public Flux<DataBuffer> exchange(HttpMethod method, String path, byte @Nullable [] body,
			Map<String, String> headers, ResponseHandler handler) {
		WebClient.RequestBodySpec request = this.webClient.method(method).uri(this.uris.of(path));
		if (!headers.isEmpty()) {
			request.headers((requestHeaders) -> headers.forEach(requestHeaders::set));
		}
		WebClient.RequestHeadersSpec<?> spec = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		return spec.exchangeToFlux((response) -> handler.handle(response.statusCode().value(),
				response.headers().asHttpHeaders(), response.bodyToFlux(DataBuffer.class)));
	}

	@Override
	public URI uri(String path) {
		return this.uris.of(path);
	}

}
