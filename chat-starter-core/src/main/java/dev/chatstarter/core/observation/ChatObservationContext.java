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

package dev.chatstarter.core.observation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;

/**
 * The {@link Observation.Context} of one call to a provider's model: what was asked
 * (operation, provider, server, model, whether it streams) and what came back (model, id,
 * usage, finish reason and, for streams, the chunk timings). The request's messages and
 * the answer are here only for handlers that log them on request; conventions must never
 * turn them into tags.
 * <p>
 * For a stream, {@link #getTimeToFirstChunk()} is measured from the subscription to the
 * first chunk with a choice, and every further such chunk reports the time since the
 * previous one to the {@linkplain #setChunkIntervalListener(LongConsumer) chunk interval
 * listener}, without allocating.
 * <p>
 * It is the context of a client call ({@link Kind#CLIENT}): a tracing handler that
 * propagates (Micrometer Tracing's {@code PropagatingSenderTracingObservationHandler})
 * writes the trace context into its {@linkplain #getCarrier() carrier}, and the template
 * sends those headers ({@code traceparent}, {@code b3}, baggage) with the call's
 * requests.
 */
public final class ChatObservationContext extends SenderContext<Map<String, String>> {

	/**
	 * The kinds of model calls, named like {@code gen_ai.operation.name}.
	 */
	public enum Operation {

		/** A chat completion, blocking or streamed. */
		CHAT("chat"),

		/** The model listing ({@code GET /v1/models}). */
		MODELS("models"),

		/** An image generation ({@code POST /v1/images/generations}). */
		IMAGE_GENERATION("image_generation");

		private final String value;

		Operation(String value) {
			this.value = value;
		}

		/**
		 * Return the operation's name.
		 * @return the value of {@code gen_ai.operation.name}
		 */
		public String value() {
			return this.value;
		}

	}

	private final Operation operation;

	private final String provider;

	private final String serverAddress;

	private final int serverPort;

	private final @Nullable String requestModel;

	private final boolean streaming;

	private final @Nullable ChatRequest request;

	private @Nullable String responseModel;

	private @Nullable String responseId;

	private @Nullable String finishReason;

	private @Nullable Usage usage;

	private @Nullable ChatResponse response;

	private long startNanos;

	private long firstChunkNanos;

	private long lastChunkNanos;

	private int chunkCount;

	private @Nullable LongConsumer chunkIntervalListener;

	private @Nullable StringBuilder streamedText;

	/**
	 * Create a context.
	 * @param operation the operation
	 * @param provider the configured provider name
	 * @param serverAddress the host of the provider's base URL
	 * @param serverPort the port of the provider's base URL
	 * @param requestModel the model asked for, if any
	 * @param streaming whether the answer is streamed
	 * @param request the chat request, for chat operations
	 */
	public ChatObservationContext(Operation operation, String provider, String serverAddress, int serverPort,
			@Nullable String requestModel, boolean streaming, @Nullable ChatRequest request) {
		super((carrier, name, value) -> {
			if (carrier != null) {
				carrier.put(name, value);
			}
		}, Kind.CLIENT);
		Assert.notNull(operation, "operation must not be null");
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(serverAddress, "serverAddress must not be null");
		setCarrier(new LinkedHashMap<>(4));
		setRemoteServiceName(provider);
		this.operation = operation;
		this.provider = provider;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.requestModel = requestModel;
		this.streaming = streaming;
		this.request = request;
	}

	/**
	 * Return the operation.
	 * @return the operation
	 */
	public Operation getOperation() {
		return this.operation;
	}

	/**
	 * Return the configured provider name, e.g. {@code kuai}.
	 * @return the provider name
	 */
	public String getProvider() {
		return this.provider;
	}

	/**
	 * Return the host of the provider's base URL.
	 * @return the host
	 */
	public String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * Return the port of the provider's base URL (the scheme's default when the URL names
	 * none).
	 * @return the port
	 */
	public int getServerPort() {
		return this.serverPort;
	}

	/**
	 * Return the model asked for.
	 * @return the model, or {@code null} when the request names none (the provider picks)
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Whether the answer is streamed.
	 * @return {@code true} for a streaming chat call
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Return the chat request, with the messages. For logging on request only: messages
	 * may hold personal data.
	 * @return the request, or {@code null} when the operation is not a chat
	 */
	public @Nullable ChatRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the model that answered.
	 * @return the model, or {@code null} when not (yet) known
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	/**
	 * Set the model that answered.
	 * @param responseModel the model
	 */
	public void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	/**
	 * Return the completion id.
	 * @return the id, or {@code null} when not (yet) known
	 */
	public @Nullable String getResponseId() {
		return this.responseId;
	}

	/**
	 * Set the completion id.
	 * @param responseId the id
	 */
	public void setResponseId(@Nullable String responseId) {
		this.responseId = responseId;
	}

	/**
	 * Return the finish reason of the first choice.
	 * @return the finish reason, or {@code null} when not (yet) known
	 */
	public @Nullable String getFinishReason() {
		return this.finishReason;
	}

	/**
	 * Set the finish reason of the first choice.
	 * @param finishReason the finish reason
	 */
	public void setFinishReason(@Nullable String finishReason) {
		this.finishReason = finishReason;
	}

	/**
	 * Return the token usage the provider reported; for a stream, that of the last chunk
	 * that carried usage.
	 * @return the usage, or {@code null} when none was reported
	 */
	public @Nullable Usage getUsage() {
		return this.usage;
	}

	/**
	 * Set the token usage.
	 * @param usage the usage
	 */
	public void setUsage(@Nullable Usage usage) {
		this.usage = usage;
	}

	/**
	 * Return the response of a blocking chat call.
	 * @return the response, or {@code null} for streams, other operations and failed
	 * calls
	 */
	public @Nullable ChatResponse getResponse() {
		return this.response;
	}

	/**
	 * Set the response of a blocking chat call, and with it the response model, id,
	 * finish reason and usage.
	 * @param response the response
	 */
	public void setResponse(ChatResponse response) {
		this.response = response;
		this.responseModel = response.model();
		this.responseId = response.id();
		this.finishReason = response.finishReason();
		this.usage = response.usage();
	}

	/**
	 * Return the answer's text, for logging on request only. For a stream the text is
	 * only kept after {@link #captureStreamedText()}.
	 * @return the text of the first choice, or {@code null}
	 */
	public @Nullable String getResponseText() {
		if (this.response != null) {
			return this.response.content();
		}
		return (this.streamedText != null) ? this.streamedText.toString() : null;
	}

	/**
	 * Keep the text of the streamed chunks so that {@link #getResponseText()} returns it.
	 * Costs a copy of the answer; call it only to log the answer, from a handler's
	 * {@code onStart}.
	 */
	public void captureStreamedText() {
		if (this.streaming && this.streamedText == null) {
			this.streamedText = new StringBuilder();
		}
	}

	/**
	 * Set the listener told, for every chunk of a stream after the first, the nanoseconds
	 * since the previous chunk. It runs on the stream's thread for every chunk, so it
	 * must be quick and must not allocate; set it from a handler's {@code onStart}.
	 * @param listener the listener, or {@code null} for none
	 */
	public void setChunkIntervalListener(@Nullable LongConsumer listener) {
		this.chunkIntervalListener = listener;
	}

	/**
	 * Return how many chunks with a choice a stream delivered.
	 * @return the count; {@code 0} for other calls
	 */
	public int getChunkCount() {
		return this.chunkCount;
	}

	/**
	 * Return the time from the start of a stream to its first chunk with a choice.
	 * @return the time, or {@code null} when the call is not a stream or no chunk arrived
	 */
	public @Nullable Duration getTimeToFirstChunk() {
		return (this.chunkCount > 0) ? Duration.ofNanos(this.firstChunkNanos - this.startNanos) : null;
	}

	/**
	 * Record that the call starts now.
	 */
	public void started() {
		this.startNanos = System.nanoTime();
	}

	/**
	 * Record one chunk of a stream: its arrival time, and the model, id, finish reason
	 * and usage it carries.
	 * @param chunk the chunk
	 */
	public void chunkReceived(ChatChunk chunk) {
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (this.responseModel == null) {
			this.responseModel = chunk.model();
		}
		if (this.responseId == null) {
			this.responseId = chunk.id();
		}
		if (chunk.choices().isEmpty()) {
			return;
		}
		long now = System.nanoTime();
		if (this.chunkCount++ == 0) {
			this.firstChunkNanos = now;
		}
		else if (this.chunkIntervalListener != null) {
			this.chunkIntervalListener.accept(now - this.lastChunkNanos);
		}
		this.lastChunkNanos = now;
		ChunkChoice first = chunk.choices().get(0);
		if (first.finishReason() != null) {
			this.finishReason = first.finishReason();
		}
		if (this.streamedText != null && first.content() != null) {
			this.streamedText.append(first.content());
		}
	}

}
