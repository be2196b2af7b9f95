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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * How to reach one provider over HTTP. The API key is stripped of surrounding whitespace
 * once, here (a key read from a file or a Kubernetes secret ends with a newline), so the
 * value sent is the value redacted; a blank key is none. The API key, and the user info
 * and query of the base URL, are left out of {@link #toString()}.
 *
 * @param baseUrl the base URL as configured
 * @param apiKey the API key without surrounding whitespace, sent as a bearer token;
 * {@code null} when none
 * @param headers the headers sent with every request
 * @param connectTimeout the connect timeout
 * @param responseTimeout the longest wait for the first byte of an answer
 * @param streamIdleTimeout the longest silence between two parts of an answer once it
 * started
 * @param retryPolicy the retry policy
 * @param httpVersion the HTTP version
 * @param maxResponseBytes the largest answer body (or, in a stream, the largest single
 * event) accepted, in bytes
 * @param maxStreamBytes the largest total of one streamed answer, in bytes (see
 * {@link dev.chatstarter.core.internal.wire.StreamSizeLimit})
 * @param callTimeout the longest a whole call may take (retries, fallbacks, tool rounds,
 * the whole stream), or {@code null} for no limit
 */
public record HttpSettings(String baseUrl, @Nullable String apiKey, HttpHeaders headers, Duration connectTimeout,
		Duration responseTimeout, Duration streamIdleTimeout, RetryPolicy retryPolicy, HttpVersion httpVersion,
		int maxResponseBytes, long maxStreamBytes, @Nullable Duration callTimeout) {

	/** The default of {@link #maxResponseBytes()}: 16 MiB. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	/** The default of {@link #maxStreamBytes()}: 16 MiB. */
	public static final long DEFAULT_MAX_STREAM_BYTES = 16 * 1024 * 1024;

	public HttpSettings {
		Assert.hasText(baseUrl, "baseUrl must not be empty");
		apiKey = normalizedApiKey(apiKey);
		Assert.notNull(headers, "headers must not be null");
		Assert.notNull(connectTimeout, "connectTimeout must not be null");
		Assert.notNull(responseTimeout, "responseTimeout must not be null");
		Assert.notNull(streamIdleTimeout, "streamIdleTimeout must not be null");
		Assert.notNull(retryPolicy, "retryPolicy must not be null");
		Assert.notNull(httpVersion, "httpVersion must not be null");
		Assert.isTrue(maxResponseBytes > 0, "maxResponseBytes must be positive");
		Assert.isTrue(maxStreamBytes > 0, "maxStreamBytes must be positive");
		Assert.isTrue(callTimeout == null || (!callTimeout.isNegative() && !callTimeout.isZero()),
				"callTimeout must be positive");
	}

	/**
	 * Create settings with the default {@link #DEFAULT_MAX_STREAM_BYTES limit} on streams
	 * and no call timeout.
	 * @param baseUrl the base URL as configured
	 * @param apiKey the API key, sent as a bearer token when not empty
	 * @param headers the headers sent with every request
	 * @param connectTimeout the connect timeout
	 * @param responseTimeout the longest wait for the first byte of an answer
	 * @param streamIdleTimeout the longest silence between two parts of an answer once it
	 * started
	 * @param retryPolicy the retry policy
	 * @param httpVersion the HTTP version
	 * @param maxResponseBytes the largest answer body (or, in a stream, the largest
	 * single event) accepted
	 */
	public HttpSettings(String baseUrl, @Nullable String apiKey, HttpHeaders headers, Duration connectTimeout,
			Duration responseTimeout, Duration streamIdleTimeout, RetryPolicy retryPolicy, HttpVersion httpVersion,
			int maxResponseBytes) {
		this(baseUrl, apiKey, headers, connectTimeout, responseTimeout, streamIdleTimeout, retryPolicy, httpVersion,
				maxResponseBytes, DEFAULT_MAX_STREAM_BYTES, null);
	}

	/**
	 * Create settings with the default {@link #DEFAULT_MAX_RESPONSE_BYTES limit} on
	 * answers.
	 * @param baseUrl the base URL as configured
	 * @param apiKey the API key, sent as a bearer token when not empty
	 * @param headers the headers sent with every request
	 * @param connectTimeout the connect timeout
	 * @param responseTimeout the longest wait for the first byte of an answer
	 * @param streamIdleTimeout the longest silence between two parts of an answer once it
	 * started
	 * @param retryPolicy the retry policy
	 * @param httpVersion the HTTP version
	 */
	public HttpSettings(String baseUrl, @Nullable String apiKey, HttpHeaders headers, Duration connectTimeout,
			Duration responseTimeout, Duration streamIdleTimeout, RetryPolicy retryPolicy, HttpVersion httpVersion) {
		this(baseUrl, apiKey, headers, connectTimeout, responseTimeout, streamIdleTimeout, retryPolicy, httpVersion,
				DEFAULT_MAX_RESPONSE_BYTES);
	}

	@Override
	public String toString() {
		return "HttpSettings[baseUrl=" + BaseUrl.redacted(this.baseUrl) + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "none") + ", connectTimeout=" + this.connectTimeout
				+ ", responseTimeout=" + this.responseTimeout + ", streamIdleTimeout=" + this.streamIdleTimeout
				+ ", retryPolicy=" + this.retryPolicy + ", httpVersion=" + this.httpVersion + ", maxResponseBytes="
				+ this.maxResponseBytes + ", maxStreamBytes=" + this.maxStreamBytes + ", callTimeout="
				+ ((this.callTimeout != null) ? this.callTimeout : "none") + "]";
	}

	private static @Nullable String normalizedApiKey(@Nullable String apiKey) {
		return (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
	}

}
