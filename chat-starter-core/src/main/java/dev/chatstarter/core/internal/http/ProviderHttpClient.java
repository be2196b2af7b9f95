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

package dev.chatstarter.core.internal.http;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatTimeoutException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.CallOverrides;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.http.ProviderConnection;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.http.sse.SseEvent;
import dev.chatstarter.core.internal.http.sse.SseFormatException;
import dev.chatstarter.core.internal.http.sse.SseParser;
import dev.chatstarter.core.state.SharedState;

/**
 * The one HTTP client of a provider: sends JSON, applies the timeouts and the retry
 * policy, and turns every failure (HTTP errors, errors inside 2xx bodies or streams,
 * timeouts, broken connections, malformed bodies) into a {@link ChatException}. Answers
 * come back as parsed JSON, or read by the caller's reader straight from their bytes when
 * they are plain; what they mean is for the caller.
 */
public final class ProviderHttpClient {

	/**
	 * The Reactor context key of headers that every request made within carries, a
	 * {@code Map<String, String>}: the trace context a tracing handler propagated into
	 * the call's observation.
	 */
	public static final String PROPAGATED_HEADERS = ProviderHttpClient.class.getName() + ".propagatedHeaders";

	/** Reads every answer as the checked tree. */
	private static final AnswerReader<JsonNode> TREE = new AnswerReader<>() {

		@Override
		public @Nullable JsonNode readPlain(byte[] json) {
			return null;
		}

		@Override
		public JsonNode read(JsonNode json) {
			return json;
		}

	};

	/**
	 * How long the body of a stream may go on after {@code [DONE]} before the connection
	 * is closed.
	 */
	static final Duration END_OF_BODY_GRACE = Duration.ofMillis(500);

	private final String provider;

	private final HttpSettings settings;

	/**
	 * Connected on the first request: creating the HTTP stack (Reactor Netty, the pool
	 * and, if asked for, WebClient and its codecs) loads a few thousand classes, which
	 * start-up need not pay for.
	 */
	private final Lazy<Connected> connection;

	private final JsonMapper jsonMapper;

	/** Error bodies larger than this, in bytes, are mapped off the event loop. */
	static final int LARGE_ERROR_BODY = 64 * 1024;

	private final ChatErrorMapper errorMapper;

	private final RetryListener retryListener;

	/** The retries of a call: any retryable failure, as the policy says. */
	private final RetryBackoff callRetries;

	/** The keys used in turn, or {@code null} for the one key of the settings. */
	private final @Nullable KeyPool keyPool;

	/** What the provider last reported of its rate limits. */
	private final RateLimitHeadroom headroom;

	/**
	 * Create a client.
	 * @param provider the provider name
	 * @param settings how to reach the provider
	 * @param transport connects to the provider on its first request
	 * @param connectionPool the connection pool
	 * @param jsonMapper the mapper that parses answers
	 * @param errorMapper turns failures into exceptions
	 * @param retryListener told of every retry
	 * @param clock the clock that times the cooling and taken out keys of a key pool
	 */
	public ProviderHttpClient(String provider, HttpSettings settings, ChatTransport transport,
			ConnectionPool connectionPool, JsonMapper jsonMapper, ChatErrorMapper errorMapper,
			RetryListener retryListener, InstantSource clock) {
		Assert.hasText(provider, "provider must not be empty");
		this.provider = provider;
		this.settings = settings;
		this.jsonMapper = jsonMapper;
		this.errorMapper = errorMapper;
		this.retryListener = retryListener;
		this.callRetries = retry(() -> true);
		this.keyPool = (settings.keyPool() != null) ? new KeyPool(provider, settings.keyPool(), clock) : null;
		this.headroom = new RateLimitHeadroom(clock);
		this.connection = Lazy.of(() -> Connected.connect(provider, settings, transport, connectionPool));
	}

	/**
	 * Share the state of the provider's key pool, if it has one, with the other replicas.
	 * @param state the shared state
	 */
	public void share(SharedState state) {
		if (this.keyPool != null) {
			this.keyPool.share(state);
		}
	}

	/**
	 * Return the provider's name.
	 * @return the name
	 */
	public String provider() {
		return this.provider;
	}

	/**
	 * A snapshot of the provider's key pool.
	 * @return the state of the pool, or {@code null} when the provider has one key or
	 * none
	 */
	public @Nullable KeyPoolState keyPoolState() {
		return (this.keyPool != null) ? this.keyPool.state() : null;
	}

	/**
	 * Whether a request can take an API key now.
	 * @return {@code false} only when every key of the provider's pool cools down or is
	 * taken out
	 */
	public boolean hasServingKey() {
		return this.keyPool == null || this.keyPool.hasAvailableKey();
	}

	/**
	 * Return the share of its rate limits the provider last reported left.
	 * @return a share from {@code 0} to {@code 1}, or {@code -1} when it reported none
	 * lately
	 */
	public double reportedHeadroom() {
		return this.headroom.share();
	}

	/**
	 * Return a function that makes the requests of one call to a provider send what the
	 * call overrides: its own API key, headers and response timeout. Only the requests to
	 * that provider do: a fallback to another provider sends its own key.
	 * @param provider the provider the overrides are for
	 * @param overrides the call's overrides
	 * @return the function that adds them to a Reactor context
	 */
	public static Function<Context, Context> withOverrides(String provider, CallOverrides overrides) {
		return RequestCredentials.withOverrides(provider, overrides);
	}

	/**
	 * Return the provider's host, for logs and metrics.
	 * @return the host of the base URL
	 */
	public String host() {
		return BaseUrl.parse(this.settings.baseUrl()).getHost();
	}

	/**
	 * {@code GET} a JSON resource.
	 * @param path the path below the base URL, e.g. {@code /models}
	 * @return the parsed answer
	 */
	public Mono<JsonNode> get(String path) {
		return exchange(HttpMethod.GET, path, null, TREE);
	}

	/**
	 * {@code POST} a JSON body and read a JSON answer.
	 * @param path the path below the base URL
	 * @param body the JSON body
	 * @return the parsed answer
	 */
	public Mono<JsonNode> post(String path, byte[] body) {
		return exchange(HttpMethod.POST, path, body, TREE);
	}

	/**
	 * {@code POST} a JSON body and read its JSON answer: straight from its bytes when the
	 * reader can, else parsed, checked for errors and read.
	 * @param path the path below the base URL
	 * @param body the JSON body
	 * @param reader reads the answer
	 * @param <T> the type of the value
	 * @return the value
	 */
	public <T> Mono<T> post(String path, byte[] body, AnswerReader<T> reader) {
		return exchange(HttpMethod.POST, path, body, reader);
	}

	/**
	 * {@code POST} a JSON body and read a server-sent event stream, one value per event,
	 * up to {@code [DONE]}. Every event is checked for errors (an {@code event: error},
	 * an error object in the data) before it is read. A provider that ignores
	 * {@code stream: true} and answers with one JSON body yields that body as the only
	 * value. The request is retried only before the first value.
	 * @param path the path below the base URL
	 * @param body the JSON body
	 * @param reader reads the events
	 * @param <T> the type of the values
	 * @return the values
	 */
	public <T> Flux<T> postStream(String path, byte[] body, StreamEventReader<T> reader) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return retry(() -> !emitted.get()).retry(KeyPool
				.onAnotherKey(this.keyPool, Flux.defer(() -> streamAttempt(path, body, reader)), () -> !emitted.get())
				.doOnNext((value) -> emitted.set(true)));
		});
	}

	private <T> Mono<T> exchange(HttpMethod method, String path, byte @Nullable [] body, AnswerReader<T> reader) {
		return this.callRetries.retry(KeyPool.onAnotherKey(this.keyPool, Mono.defer(() -> {
			Attempt attempt = new Attempt();
			int maxBytes = this.settings.maxResponseBytes();
			return DataBufferUtils.join(attempt.body(method, path, body), maxBytes)
				.map(ProviderHttpClient::readAndRelease)
				.onErrorMap(DataBufferLimitException.class,
						(ex) -> this.errorMapper.malformed(
								"the answer is larger than " + maxBytes + " bytes (max-response-size)", ex, null))
				.switchIfEmpty(Mono.error(() -> this.errorMapper.malformed("the answer body is empty", null, null)))
				.map((bytes) -> {
					T plain = reader.readPlain(bytes);
					return (plain != null) ? plain
							: reader.read(checked(parse(bytes, "the answer is not JSON", attempt), attempt));
				})
				.doOnError(attempt::failed);
		})));
	}

	/**
	 * One attempt of a stream. Once it started, only its events count as activity for the
	 * idle timeout, not its bytes: keep-alive comments or an event trickled byte by byte
	 * do not hold it open. A JSON answer counts its bytes.
	 * @param <T> the type of the values
	 * @param path the path of the endpoint, relative to the base URL
	 * @param body the JSON request body
	 * @param reader turns the events (or the JSON answer) into values
	 * @return the values of this attempt
	 */
	private <T> Flux<T> streamAttempt(String path, byte[] body, StreamEventReader<T> reader) {
		Attempt attempt = new Attempt();
		BodyTimeouts.Activity activity = new BodyTimeouts.Activity();
		int maxBytes = this.settings.maxResponseBytes();
		return attempt.body(HttpMethod.POST, path, body, activity)
			.switchOnFirst(
					(first, buffers) -> attempt.isJsonAnswer()
							? DataBufferUtils.join(buffers.doOnNext((buffer) -> activity.signal()), maxBytes)
								.map((buffer) -> reader.read(checked(
										parse(readAndRelease(buffer), "the answer is not JSON", attempt), attempt)))
								.flux()
							: readEvents(SseParser.decode(buffers, maxBytes).doOnNext((event) -> activity.signal()),
									reader, attempt))
			// a stream cancelled as its first buffer arrives: switchOnFirst discards that
			// buffer in this
			// context, not in the inner one's, so it is released here
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> this.errorMapper.malformed(
							"an event of the stream is larger than " + maxBytes + " bytes (max-response-size)", ex,
							null))
			.onErrorMap(SseFormatException.class,
					(ex) -> this.errorMapper.malformed("the stream is not valid UTF-8", ex, null))
			.doOnError(attempt::failed);
	}

	/**
	 * Read the events up to {@code [DONE]}. The body is not cancelled at {@code [DONE]},
	 * which would close the connection, but read to its end so that the connection goes
	 * back to the pool; a server that keeps the body open after {@code [DONE]} gets
	 * {@link #END_OF_BODY_GRACE}, then the connection is closed and the stream ends
	 * normally.
	 * @param <T> the type of the values
	 * @param events the events of the stream's body
	 * @param reader turns the events into values
	 * @param attempt the attempt whose answer's status and headers the events are checked
	 * with
	 * @return the values of the events before {@code [DONE]}
	 */
	private <T> Flux<T> readEvents(Flux<SseEvent> events, StreamEventReader<T> reader, Attempt attempt) {
		Sinks.Empty<Void> done = Sinks.empty();
		AtomicBoolean ended = new AtomicBoolean();
		// filter and map rather than handle, which restores thread locals for every event
		// when context-propagation is on the class path
		return events.filter((event) -> {
			if (ended.get()) {
				return false;
			}
			if (event.isDone()) {
				ended.set(true);
				done.tryEmitEmpty();
				return false;
			}
			return true;
		})
			.map((event) -> readEvent(event, reader, attempt))
			.takeUntilOther(done.asMono().then(Mono.delay(END_OF_BODY_GRACE)))
			.onErrorResume(LargeErrorEvent.class,
					(large) -> Mono.fromCallable(() -> errorOf(large.bytes, attempt))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap(Mono::error));
	}

	private <T> T readEvent(SseEvent event, StreamEventReader<T> reader, Attempt attempt) {
		byte[] data = event.dataBytes();
		if (event.isErrorEvent()) {
			throw (data.length <= LARGE_ERROR_BODY) ? errorOf(data, attempt) : new LargeErrorEvent(data);
		}
		T plain = reader.readPlain(data);
		if (plain != null) {
			return plain;
		}
		return reader.read(checked(parse(data, "a chunk of the stream is not JSON", attempt), attempt));
	}

	/**
	 * The failure an {@code event: error} of a stream stands for.
	 * @param data the data of the error event
	 * @param attempt the attempt whose mapper (and its call's secrets) maps the failure
	 * @return the mapped failure: the error the data reports, else a failure as for a 502
	 * answer with that body
	 */
	private ChatException errorOf(byte[] data, Attempt attempt) {
		JsonNode node = tryParse(data);
		ChatErrorMapper mapper = attempt.errorMapper();
		ChatException error = (node != null) ? mapper.fromSuccessBody(200, HttpHeaders.EMPTY, node) : null;
		return (error != null) ? error : mapper.fromResponse(502, HttpHeaders.EMPTY, data);
	}

	private JsonNode checked(JsonNode node, Attempt attempt) {
		ChatException error = attempt.errorMapper().fromSuccessBody(attempt.status, attempt.headers, node);
		if (error != null) {
			throw error;
		}
		return node;
	}

	private JsonNode parse(byte[] bytes, String what, Attempt attempt) {
		try {
			return this.jsonMapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw attempt.errorMapper().malformed(what, ex, bytes);
		}
	}

	private @Nullable JsonNode tryParse(byte[] bytes) {
		try {
			return this.jsonMapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static byte[] readAndRelease(DataBuffer buffer) {
		try {
			return readBytes(buffer);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static byte[] readBytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		return bytes;
	}

	private RetryBackoff retry(BooleanSupplier mayRetry) {
		return new RetryBackoff(this.provider, this.settings.retryPolicy(), mayRetry, this.retryListener);
	}

	/**
	 * The connection of a provider and the URIs of its paths, made on its first request.
	 * What the application customizes runs here: when it fails, the error names the
	 * provider and what to check.
	 */
	private record Connected(ProviderConnection connection, ProviderUris uris) {

		static Connected connect(String provider, HttpSettings settings, ChatTransport transport,
				ConnectionPool connectionPool) {
			try {
				BodyTimeouts.initialize();
				return new Connected(transport.connect(settings, connectionPool.get()),
						new ProviderUris(settings.baseUrl()));
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Could not create the HTTP client of chat provider '" + provider + "': "
						+ ex.getMessage() + ". Check its SSL bundle, its transport and the transport's customizers",
						ex);
			}
		}

	}

	/**
	 * An {@code event: error} too large to map on the event loop: it ends the stream, and
	 * is then mapped on {@link Schedulers#boundedElastic()} like a large error body.
	 */
	private static final class LargeErrorEvent extends RuntimeException {

		private final byte[] bytes;

		LargeErrorEvent(byte[] bytes) {
			super(null, null, false, false);
			this.bytes = bytes;
		}

	}

	/**
	 * The state of one attempt: the status and headers of its answer.
	 */
	private final class Attempt {

		private int status;

		private HttpHeaders headers = HttpHeaders.EMPTY;

		/** What this attempt sends beyond the template's headers, once subscribed. */
		private @Nullable RequestCredentials credentials;

		/**
		 * The mapper of this attempt's failures.
		 * @return the provider's mapper, which also redacts the call's own secrets
		 */
		ChatErrorMapper errorMapper() {
			return (this.credentials != null) ? this.credentials.errorMapper() : ProviderHttpClient.this.errorMapper;
		}

		/**
		 * Tell the key pool that this attempt failed, so that it cools or takes out the
		 * key when the failure was the key's own.
		 * @param failure the failure of the attempt, whatever stage raised it
		 */
		void failed(Throwable failure) {
			if (this.credentials != null) {
				this.credentials.failed(failure);
			}
		}

		Flux<DataBuffer> body(HttpMethod method, String path, byte @Nullable [] body) {
			return body(method, path, body, null);
		}

		/**
		 * Send the request and return the body of its answer, with the timeouts applied.
		 * @param method the HTTP method
		 * @param path the path of the endpoint, relative to the base URL
		 * @param body the request body, or {@code null} for none
		 * @param activity signals the activity of the answer once it started, or
		 * {@code null} when every part of the body is activity
		 * @return the body of a 2xx answer; an error response fails with its mapped
		 * {@link ChatException}
		 */
		Flux<DataBuffer> body(HttpMethod method, String path, byte @Nullable [] body,
				BodyTimeouts.@Nullable Activity activity) {
			return Flux.deferContextual((context) -> {
				RequestCredentials credentials = RequestCredentials.of(context, ProviderHttpClient.this.provider,
						ProviderHttpClient.this.settings, ProviderHttpClient.this.errorMapper,
						ProviderHttpClient.this.keyPool);
				this.credentials = credentials;
				Duration responseTimeout = credentials.responseTimeout();
				Duration idleTimeout = ProviderHttpClient.this.settings.streamIdleTimeout();
				Connected connected = ProviderHttpClient.this.connection.get();
				URI uri = connected.uris().of(path);
				Flux<DataBuffer> answer = connected.connection()
					.exchange(method, uri, body,
							credentials.headers(context.getOrDefault(PROPAGATED_HEADERS, Map.of())), this::onResponse);
				Flux<DataBuffer> timed = ((activity != null)
						? BodyTimeouts.apply(answer, responseTimeout, idleTimeout, activity)
						: BodyTimeouts.apply(answer, responseTimeout, idleTimeout))
					.onErrorMap((ex) -> !(ex instanceof ChatException),
							(ex) -> toChatException(ex, method.name(), uri, responseTimeout));
				return credentials.track(timed);
			});
		}

		private Flux<DataBuffer> onResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {
			this.status = status;
			this.headers = headers;
			ProviderHttpClient.this.headroom.record(headers);
			if (status < 200 || status > 299) {
				return DataBufferUtils.join(body, ProviderHttpClient.this.settings.maxResponseBytes())
					.map(ProviderHttpClient::readAndRelease)
					.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(new byte[0]))
					.defaultIfEmpty(new byte[0])
					.flatMapMany((bytes) -> failure(status, headers, bytes));
			}
			return body;
		}

		/**
		 * The mapped failure of an error response. Mapping is linear in the body's size;
		 * a body over {@value ProviderHttpClient#LARGE_ERROR_BODY} bytes (a hostile 16 MB
		 * page) is mapped off the event loop, so that the loop's other connections never
		 * wait for it.
		 * @param status the HTTP status of the answer
		 * @param headers the headers of the answer
		 * @param bytes the body of the answer, empty when it had none or was larger than
		 * the response limit
		 * @return a body that fails with the mapped {@link ChatException}
		 */
		private Flux<DataBuffer> failure(int status, HttpHeaders headers, byte[] bytes) {
			ChatErrorMapper mapper = errorMapper();
			if (bytes.length <= LARGE_ERROR_BODY) {
				return Flux.error(mapper.fromResponse(status, headers, bytes));
			}
			return Mono.fromCallable(() -> mapper.fromResponse(status, headers, bytes))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany(Flux::error);
		}

		/**
		 * Whether a stream request was answered with one JSON body. The content type is
		 * parsed only here: parsing it for every answer would cost blocking calls, which
		 * do not need it. A content type that cannot be parsed is not JSON: the answer is
		 * read as an event stream.
		 * @return whether the answer's content type is JSON rather than an event stream
		 */
		boolean isJsonAnswer() {
			MediaType contentType;
			try {
				contentType = this.headers.getContentType();
			}
			catch (InvalidMediaTypeException ex) {
				return false;
			}
			return contentType != null && !MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)
					&& (MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
							|| contentType.getSubtype().endsWith("+json"));
		}

		private Throwable toChatException(Throwable failure, String method, URI uri, Duration responseTimeout) {
			if (failure instanceof BodyTimeouts.Timeout timeout) {
				String message = timeout.started()
						? "no data for " + ProviderHttpClient.this.settings.streamIdleTimeout().toMillis()
								+ " ms in the middle of the answer (stream-idle-timeout)"
						: "no answer within " + responseTimeout.toMillis() + " ms (response-timeout)";
				return new ChatTimeoutException(ErrorDetails.local(ProviderHttpClient.this.provider, message), failure);
			}
			if (failure instanceof DataBufferLimitException) {
				return failure;
			}
			return errorMapper().fromTransportFailure(failure, method, uri);
		}

	}

}
