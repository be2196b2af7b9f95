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
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends straight on Reactor Netty's {@link HttpClient}: the provider's headers are set
 * once on the client, the body is written as it is, and the answer's buffers are handed
 * on without copies. No {@code WebClient} layer (filters, codecs, exchange functions)
 * runs per request.
 */
final class ReactorNettyConnection implements ProviderConnection {

	private final HttpClient get;

	private final HttpClient post;

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	ReactorNettyConnection(HttpSettings settings, HttpClient httpClient) {
		this.get = httpClient.headers((headers) -> {
			settings.headers().forEach((name, values) -> headers.add(name, values));
			headers.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
			if (settings.apiKey() != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + settings.apiKey());
			}
		});
		this.post = this.get
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
	}

	@Override
	public Flux<DataBuffer> exchange(HttpMethod method, URI uri, byte @Nullable [] body, Map<String, String> headers,
			ResponseHandler handler) {
		HttpClient client = (body != null) ? this.post : this.get;
		if (!headers.isEmpty()) {
			client = client.headers((requestHeaders) -> headers.forEach(requestHeaders::set));
		}
		HttpClient.RequestSender request = client.request(io.netty.handler.codec.http.HttpMethod.valueOf(method.name()))
			.uri(uri);
		HttpClient.ResponseReceiver<?> receiver = (body != null)
				? request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))) : request;
		return receiver.response((response, content) -> handler.handle(response.status().code(),
				new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())),
				content.map((buffer) -> this.buffers.wrap(buffer.retain()))));
	}

}
