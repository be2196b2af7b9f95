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
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

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
 * @param keyPool several API keys used in turn, in place of {@code apiKey}, or
 * {@code null}
 */
public record HttpSettings(String baseUrl, @Nullable String apiKey, HttpHeaders headers, Duration connectTimeout,
		Duration responseTimeout, Duration streamIdleTimeout, RetryPolicy retryPolicy, HttpVersion httpVersion,
		int maxResponseBytes, long maxStreamBytes, @Nullable Duration callTimeout, @Nullable ApiKeyPool keyPool) {

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
		Assert.isTrue(apiKey == null || keyPool == null, "set either an API key or a key pool, not both");
	}

	/**
	 * Create settings without a key pool.
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
	 * @param maxStreamBytes the largest total of one streamed answer, in bytes
	 * @param callTimeout the longest a whole call may take, or {@code null} for no limit
	 */
	public HttpSettings(String baseUrl, @Nullable String apiKey, HttpHeaders headers, Duration connectTimeout,
			Duration responseTimeout, Duration streamIdleTimeout, RetryPolicy retryPolicy, HttpVersion httpVersion,
			int maxResponseBytes, long maxStreamBytes, @Nullable Duration callTimeout) {
		this(baseUrl, apiKey, headers, connectTimeout, responseTimeout, streamIdleTimeout, retryPolicy, httpVersion,
				maxResponseBytes, maxStreamBytes, callTimeout, null);
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
				maxResponseBytes, DEFAULT_MAX_STREAM_BYTES, null, null);
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

	/**
	 * Return a builder with the defaults a template starts from: 10 s to connect, 60 s to
	 * the first byte, 120 s of silence in an answer, {@link RetryPolicy#defaults()},
	 * HTTP/1.1, 16 MiB per answer and per stream, no call timeout. The base URL is
	 * required.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder that starts from these settings.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Every API key these settings send: the key, or the keys of the pool.
	 * @return the keys; empty when none is configured
	 */
	public List<String> apiKeys() {
		if (this.keyPool != null) {
			return this.keyPool.keys();
		}
		return (this.apiKey != null) ? List.of(this.apiKey) : List.of();
	}

	@Override
	public String toString() {
		return "HttpSettings[baseUrl=" + BaseUrl.redacted(this.baseUrl) + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "none") + ", connectTimeout=" + this.connectTimeout
				+ ", responseTimeout=" + this.responseTimeout + ", streamIdleTimeout=" + this.streamIdleTimeout
				+ ", retryPolicy=" + this.retryPolicy + ", httpVersion=" + this.httpVersion + ", maxResponseBytes="
				+ this.maxResponseBytes + ", maxStreamBytes=" + this.maxStreamBytes + ", callTimeout="
				+ ((this.callTimeout != null) ? this.callTimeout : "none") + ", keyPool="
				+ ((this.keyPool != null) ? this.keyPool : "none") + "]";
	}

	private static @Nullable String normalizedApiKey(@Nullable String apiKey) {
		return (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
	}

	/**
	 * Builds {@link HttpSettings}; each setter checks its value. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String baseUrl;

		private @Nullable String apiKey;

		private final HttpHeaders headers = new HttpHeaders();

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration responseTimeout = Duration.ofSeconds(60);

		private Duration streamIdleTimeout = Duration.ofSeconds(120);

		private RetryPolicy retryPolicy = RetryPolicy.defaults();

		private HttpVersion httpVersion = HttpVersion.HTTP_1_1;

		private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

		private long maxStreamBytes = DEFAULT_MAX_STREAM_BYTES;

		private @Nullable Duration callTimeout;

		private @Nullable ApiKeyPool keyPool;

		private Builder() {
		}

		private Builder(HttpSettings settings) {
			this.baseUrl = settings.baseUrl;
			this.apiKey = settings.apiKey;
			this.headers.addAll(settings.headers);
			this.connectTimeout = settings.connectTimeout;
			this.responseTimeout = settings.responseTimeout;
			this.streamIdleTimeout = settings.streamIdleTimeout;
			this.retryPolicy = settings.retryPolicy;
			this.httpVersion = settings.httpVersion;
			this.maxResponseBytes = settings.maxResponseBytes;
			this.maxStreamBytes = settings.maxStreamBytes;
			this.callTimeout = settings.callTimeout;
			this.keyPool = settings.keyPool;
		}

		/**
		 * Set the base URL.
		 * @param baseUrl the base URL as configured
		 * @return this builder
		 */
		public Builder baseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Set the API key, sent as a bearer token; none when {@code null} or blank.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Use several API keys in turn, round-robin, in place of one API key.
		 * @param keys the keys, or {@code null} or empty for none
		 * @return this builder
		 * @see #keyPool(ApiKeyPool)
		 */
		public Builder apiKeys(@Nullable List<String> keys) {
			this.keyPool = (keys != null && !keys.isEmpty()) ? ApiKeyPool.of(keys) : null;
			return this;
		}

		/**
		 * Use a pool of API keys in place of one API key.
		 * @param keyPool the pool, or {@code null} for none
		 * @return this builder
		 */
		public Builder keyPool(@Nullable ApiKeyPool keyPool) {
			this.keyPool = keyPool;
			return this;
		}

		/**
		 * Customize the headers sent with every request.
		 * @param headers customizes the headers
		 * @return this builder
		 */
		public Builder headers(Consumer<HttpHeaders> headers) {
			headers.accept(this.headers);
			return this;
		}

		/**
		 * Set the connect timeout.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive(timeout, "connectTimeout");
			return this;
		}

		/**
		 * Set the longest wait for the first byte of an answer.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder responseTimeout(Duration timeout) {
			this.responseTimeout = positive(timeout, "responseTimeout");
			return this;
		}

		/**
		 * Set the longest silence between two parts of an answer once it started.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration timeout) {
			this.streamIdleTimeout = positive(timeout, "streamIdleTimeout");
			return this;
		}

		/**
		 * Set the retry policy.
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			Assert.notNull(retryPolicy, "retryPolicy must not be null");
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Set the HTTP version.
		 * @param httpVersion the version
		 * @return this builder
		 */
		public Builder httpVersion(HttpVersion httpVersion) {
			Assert.notNull(httpVersion, "httpVersion must not be null");
			this.httpVersion = httpVersion;
			return this;
		}

		/**
		 * Set the largest answer body (or single event of a stream) accepted.
		 * @param maxResponseSize the limit, between 1 byte and 2 GB
		 * @return this builder
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			Assert.notNull(maxResponseSize, "maxResponseSize must not be null");
			long bytes = maxResponseSize.toBytes();
			Assert.isTrue(bytes > 0 && bytes <= Integer.MAX_VALUE - 8,
					"maxResponseSize must be between 1 byte and 2 GB");
			this.maxResponseBytes = (int) bytes;
			return this;
		}

		/**
		 * Set the largest total of one streamed answer.
		 * @param maxStreamSize the limit, positive
		 * @return this builder
		 */
		public Builder maxStreamSize(DataSize maxStreamSize) {
			Assert.notNull(maxStreamSize, "maxStreamSize must not be null");
			Assert.isTrue(maxStreamSize.toBytes() > 0, "maxStreamSize must be positive");
			this.maxStreamBytes = maxStreamSize.toBytes();
			return this;
		}

		/**
		 * Set the longest a whole call may take.
		 * @param timeout the timeout, positive, or {@code null} for none
		 * @return this builder
		 */
		public Builder callTimeout(@Nullable Duration timeout) {
			this.callTimeout = (timeout != null) ? positive(timeout, "callTimeout") : null;
			return this;
		}

		/**
		 * Build the settings; the headers are copied and read-only.
		 * @return the settings
		 * @throws IllegalArgumentException if no base URL was set
		 */
		public HttpSettings build() {
			Assert.hasText(this.baseUrl,
					"baseUrl must not be empty: set the provider's base URL, e.g. https://api.openai.com/v1");
			HttpHeaders copy = new HttpHeaders();
			copy.addAll(this.headers);
			return new HttpSettings(this.baseUrl, this.apiKey, HttpHeaders.readOnlyHttpHeaders(copy),
					this.connectTimeout, this.responseTimeout, this.streamIdleTimeout, this.retryPolicy,
					this.httpVersion, this.maxResponseBytes, this.maxStreamBytes, this.callTimeout, this.keyPool);
		}

		private static Duration positive(Duration timeout, String name) {
			Assert.notNull(timeout, name + " must not be null");
			Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), name + " must be positive");
			return timeout;
		}

	}

}
