package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import dev.chatstarter.core.http.HttpSettings;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * Sends straight on Reactor Netty's {@link HttpClient}: the provider's headers are set once on the client, the body
 * is written as it is, and the answer's buffers are handed on without copies. No {@code WebClient} layer (filters,
 * codecs, exchange functions) runs per request.
 */
final class ReactorNettyTransport implements ProviderTransport {

	private final HttpClient get;

	private final HttpClient post;

	private final ProviderUris uris;

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	ReactorNettyTransport(HttpSettings settings, HttpClient httpClient, ProviderUris uris) {
		this.uris = uris;
		this.get = httpClient.headers((headers) -> {
			settings.headers().forEach((name, values) -> headers.add(name, values));
			headers.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
			if (settings.apiKey() != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + settings.apiKey());
			}
		});
		this.post = this.get.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE,
				HttpHeaderValues.APPLICATION_JSON));
	}

	@Override
	public Flux<DataBuffer> exchange(HttpMethod method, String path, byte @Nullable [] body,
			Map<String, String> headers, ResponseHandler handler) {
		HttpClient client = (body != null) ? this.post : this.get;
		if (!headers.isEmpty()) {
			client = client.headers((requestHeaders) -> headers.forEach(requestHeaders::set));
		}
		HttpClient.RequestSender request = client
			.request(io.netty.handler.codec.http.HttpMethod.valueOf(method.name()))
			.uri(this.uris.of(path));
		HttpClient.ResponseReceiver<?> receiver = (body != null)
				? request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))) : request;
		return receiver.response((response, content) -> handler.handle(response.status().code(),
				new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())),
				content.map((buffer) -> this.buffers.wrap(buffer.retain()))));
	}

	@Override
	public URI uri(String path) {
		return this.uris.of(path);
	}

}
