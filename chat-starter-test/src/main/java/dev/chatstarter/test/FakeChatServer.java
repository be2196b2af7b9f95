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

package dev.chatstarter.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An in-process, OpenAI-compatible HTTP server on Reactor Netty, bound to
 * {@code 127.0.0.1}, for tests and offline demos. It serves
 * {@code POST /v1/chat/completions} (blocking and {@code stream: true}),
 * {@code GET /v1/models} and {@code POST /v1/images/generations} (also without the
 * {@code /v1} prefix) over HTTP/1.1 and cleartext HTTP/2, records every request, and
 * answers each one with, in order of precedence:
 * <ol>
 * <li>the next {@link FakeResponse} {@link #enqueue(FakeResponse...) queued} for the
 * request's endpoint;</li>
 * <li>the {@link ChatResponder} set for the endpoint with
 * {@link #responder(FakeEndpoint, ChatResponder)};</li>
 * <li>the default: a {@link DemoResponder} (deterministic echo, weather tool calls, JSON
 * for structured output, {@link DemoResponder#MODELS demo models}, placeholder images);
 * 404 for unknown paths.</li>
 * </ol>
 * It starts in milliseconds and is thread-safe: requests may arrive concurrently, and
 * scripting and inspection methods may be called from any thread.
 *
 * <pre class="code">
 * try (FakeChatServer server = new FakeChatServer().start()) {
 * 	server.enqueue(FakeResponse.text("Hello!"));
 * 	ChatTemplate chat = ChatTemplate.builder().baseUrl(server.baseUrl()).build();
 * 	assertThat(chat.prompt("Hi").call().content()).isEqualTo("Hello!");
 * 	assertThat(server.takeRequest().lastUserMessage()).isEqualTo("Hi");
 * }
 * </pre>
 */
public final class FakeChatServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FakeChatServer.class);

	private static final String HOST = "127.0.0.1";

	private static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The largest body of a request that upgrades to cleartext HTTP/2 (the default of 0
	 * rejects every body).
	 */
	private static final int MAX_UPGRADE_BODY_BYTES = 16 * 1024 * 1024;

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private static final ChatResponder DEMO = new DemoResponder();

	private static final ChatResponder NOT_FOUND = (request) -> FakeResponse.openAiError(404,
			"The fake chat server has no endpoint " + request.method() + " " + request.path());

	private final int requestedPort;

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Running running;

	private final Map<FakeEndpoint, Queue<FakeResponse>> queues = new EnumMap<>(FakeEndpoint.class);

	private final Map<FakeEndpoint, ChatResponder> responders = Collections
		.synchronizedMap(new EnumMap<>(FakeEndpoint.class));

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

	private final AtomicInteger sequence = new AtomicInteger();

	/**
	 * Create a server that will listen on a random free port.
	 */
	public FakeChatServer() {
		this(0);
	}

	/**
	 * Create a server that will listen on the given port.
	 * @param port the port, or {@code 0} for a random free one
	 */
	public FakeChatServer(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, "port must be between 0 and 65535");
		this.requestedPort = port;
		for (FakeEndpoint endpoint : FakeEndpoint.values()) {
			this.queues.put(endpoint, new ConcurrentLinkedQueue<>());
		}
		restoreDefaultResponders();
	}

	/**
	 * Start listening on {@code 127.0.0.1}.
	 * @return this server
	 * @throws IllegalStateException if the server is already running
	 */
	public FakeChatServer start() {
		synchronized (this.lifecycleMonitor) {
			Assert.state(this.running == null, "The fake chat server is already running");
			LoopResources loops = LoopResources.create("fake-chat-server", 1, 2, true);
			try {
				DisposableServer server = HttpServer.create()
					.host(HOST)
					.port(this.requestedPort)
					.protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
					.httpRequestDecoder((decoder) -> decoder.h2cMaxContentLength(MAX_UPGRADE_BODY_BYTES))
					.runOn(loops)
					.handle(this::handle)
					.bindNow(STARTUP_TIMEOUT);
				this.running = new Running(server, loops);
				logger.debug("Fake chat server listening on {}", baseUrl());
			}
			catch (RuntimeException ex) {
				loops.dispose();
				throw ex;
			}
		}
		return this;
	}

	/**
	 * Whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public int port() {
		return running().server().port();
	}

	/**
	 * Return the base URL to configure a client with.
	 * @return {@code http://127.0.0.1:<port>/v1}
	 * @throws IllegalStateException if the server is not running
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port() + "/v1";
	}

	/**
	 * Stop listening and release the server's threads. Does nothing if the server is not
	 * running. Recorded requests stay available.
	 */
	@Override
	public void close() {
		synchronized (this.lifecycleMonitor) {
			Running current = this.running;
			if (current == null) {
				return;
			}
			this.running = null;
			try {
				current.server().disposeNow(Duration.ofSeconds(5));
			}
			catch (RuntimeException ex) {
				logger.debug("Fake chat server did not stop cleanly", ex);
			}
			current.loops().disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

	/**
	 * Answer the next chat completion requests with these responses, in order; when they
	 * are used up, the responder answers again.
	 * @param responses the responses
	 * @return this server
	 */
	public FakeChatServer enqueue(FakeResponse... responses) {
		return enqueue(FakeEndpoint.CHAT_COMPLETIONS, responses);
	}

	/**
	 * Answer the next requests for an endpoint with these responses, in order, e.g. to
	 * make {@code /v1/models} fail once.
	 * @param endpoint the endpoint
	 * @param responses the responses
	 * @return this server
	 */
	public FakeChatServer enqueue(FakeEndpoint endpoint, FakeResponse... responses) {
		Assert.notNull(endpoint, "endpoint must not be null");
		Assert.noNullElements(responses, "responses must not contain null");
		Queue<FakeResponse> queue = this.queues.get(endpoint);
		Collections.addAll(queue, responses);
		return this;
	}

	/**
	 * Answer chat completion requests with this responder when nothing is queued.
	 * @param responder the responder
	 * @return this server
	 */
	public FakeChatServer responder(ChatResponder responder) {
		return responder(FakeEndpoint.CHAT_COMPLETIONS, responder);
	}

	/**
	 * Answer requests for an endpoint with this responder when nothing is queued.
	 * @param endpoint the endpoint
	 * @param responder the responder
	 * @return this server
	 */
	public FakeChatServer responder(FakeEndpoint endpoint, ChatResponder responder) {
		Assert.notNull(endpoint, "endpoint must not be null");
		Assert.notNull(responder, "responder must not be null");
		this.responders.put(endpoint, responder);
		return this;
	}

	/**
	 * List these models on {@code GET /v1/models}; {@link DemoResponder#MODELS} by
	 * default.
	 * @param ids the model ids
	 * @return this server
	 */
	public FakeChatServer models(String... ids) {
		FakeResponse response = FakeResponse.models(ids);
		return responder(FakeEndpoint.MODELS, (request) -> response);
	}

	/**
	 * Answer every image generation request with these URLs; by default the demo answers
	 * with {@code https://example.invalid/demo/<n>.png} placeholders (or a tiny PNG for
	 * {@code b64_json}).
	 * @param urls the image URLs
	 * @return this server
	 */
	public FakeChatServer imageUrls(String... urls) {
		FakeResponse response = FakeResponse.images(urls);
		return responder(FakeEndpoint.IMAGES, (request) -> response);
	}

	/**
	 * Return the oldest request not taken yet, waiting up to 10 seconds for one to
	 * arrive.
	 * @return the request
	 * @throws IllegalStateException if no request arrived in time
	 */
	public RecordedRequest takeRequest() {
		RecordedRequest request = takeRequest(DEFAULT_TAKE_TIMEOUT);
		if (request == null) {
			throw new IllegalStateException(
					"The fake chat server received no request within " + DEFAULT_TAKE_TIMEOUT.toSeconds() + " s");
		}
		return request;
	}

	/**
	 * Return the oldest request not taken yet, waiting for one to arrive.
	 * @param timeout the longest wait
	 * @return the request, or {@code null} when none arrived in time
	 */
	public @Nullable RecordedRequest takeRequest(Duration timeout) {
		Assert.notNull(timeout, "timeout must not be null");
		try {
			return this.untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a request", ex);
		}
	}

	/**
	 * Return every request received since the server was created or reset, taken or not.
	 * @return the requests, in order of arrival
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the requests received for one endpoint.
	 * @param endpoint the endpoint
	 * @return the requests, in order of arrival
	 */
	public List<RecordedRequest> requests(FakeEndpoint endpoint) {
		List<RecordedRequest> matching = new ArrayList<>();
		for (RecordedRequest request : this.requests) {
			if (request.endpoint() == endpoint) {
				matching.add(request);
			}
		}
		return matching;
	}

	/**
	 * Return how many requests were received since the server was created or reset.
	 * @return the count
	 */
	public int requestCount() {
		return this.requests.size();
	}

	/**
	 * Forget the recorded requests and the queued responses, and restore the default
	 * responders.
	 * @return this server
	 */
	public FakeChatServer reset() {
		this.queues.values().forEach(Queue::clear);
		this.requests.clear();
		this.untaken.clear();
		this.sequence.set(0);
		restoreDefaultResponders();
		return this;
	}

	private void restoreDefaultResponders() {
		synchronized (this.responders) {
			this.responders.put(FakeEndpoint.CHAT_COMPLETIONS, DEMO);
			this.responders.put(FakeEndpoint.MODELS, DEMO);
			this.responders.put(FakeEndpoint.IMAGES, DEMO);
			this.responders.put(FakeEndpoint.OTHER, NOT_FOUND);
		}
	}

	private Running running() {
		Running current = this.running;
		Assert.state(current != null, "The fake chat server is not running: call start() first");
		return current;
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String protocol = request.protocol();
		String method = request.method().name();
		String uri = request.uri();
		HttpHeaders headers = new HttpHeaders();
		request.requestHeaders().forEach((header) -> headers.add(header.getKey(), header.getValue()));
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> record(protocol, method, uri, headers, body))
			.map(this::answer)
			.flatMap((answer) -> send(response, answer));
	}

	private RecordedRequest record(String protocol, String method, String uri, HttpHeaders headers, String body) {
		RecordedRequest recorded = new RecordedRequest(this.sequence.incrementAndGet(), protocol, method, uri, headers,
				body);
		this.requests.add(recorded);
		this.untaken.add(recorded);
		logger.debug("Fake chat server received {}", recorded);
		return recorded;
	}

	private HttpAnswer answer(RecordedRequest request) {
		FakeResponse response = this.queues.get(request.endpoint()).poll();
		try {
			if (response == null) {
				response = this.responders.get(request.endpoint()).respond(request);
				Assert.state(response != null, "The responder returned null");
			}
			return ResponseWriter.write(response, request);
		}
		catch (RuntimeException ex) {
			logger.warn("Fake chat server could not answer {}", request, ex);
			return ResponseWriter.write(FakeResponse.openAiError(500, "The fake chat server's responder failed: " + ex),
					request);
		}
	}

	private Mono<Void> send(HttpServerResponse response, HttpAnswer answer) {
		Mono<Void> send = Mono.defer(() -> {
			response.status(answer.status());
			answer.headers().forEach((name, values) -> response.responseHeaders().set(name, values));
			if (!answer.streamed()) {
				byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
				response.responseHeaders().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
				return (bytes.length == 0) ? response.send().then() : response.sendByteArray(Mono.just(bytes)).then();
			}
			return response.send(parts(answer), (buffer) -> true).then();
		});
		return answer.delay().isZero() ? send : Mono.delay(answer.delay()).then(send);
	}

	private static Flux<ByteBuf> parts(HttpAnswer answer) {
		Duration partDelay = answer.partDelay();
		return Flux.fromIterable(answer.parts())
			.index()
			.concatMap((part) -> (part.getT1() == 0 || partDelay.isZero()) ? Mono.just(part.getT2())
					: Mono.delay(partDelay).thenReturn(part.getT2()))
			.map((part) -> Unpooled.wrappedBuffer(part.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public String toString() {
		Running current = this.running;
		return "FakeChatServer["
				+ ((current != null) ? "http://" + HOST + ":" + current.server().port() + "/v1" : "not running") + "]";
	}

	/**
	 * A started server and its event loops.
	 */
	private record Running(DisposableServer server, LoopResources loops) {
	}

}
