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

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;

/**
 * The HTTP stack of one provider, made by a {@link ChatTransport}: it sends one request,
 * with the provider's headers and API key, and hands the answer's status, headers and
 * body to a {@link ResponseHandler}. Timeouts, retries, limits and error mapping are the
 * template's: a connection only moves bytes.
 */
@FunctionalInterface
public interface ProviderConnection {

	/**
	 * Send a request.
	 * @param method the method
	 * @param uri the absolute URI
	 * @param body the JSON body, or {@code null} for none
	 * @param headers headers of this request only (e.g. the trace context), set over the
	 * provider's
	 * @param handler reads the answer
	 * @return the body as the handler returns it; buffers are released by whoever
	 * consumes them
	 */
	Flux<DataBuffer> exchange(HttpMethod method, URI uri, byte @Nullable [] body, Map<String, String> headers,
			ResponseHandler handler);

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
