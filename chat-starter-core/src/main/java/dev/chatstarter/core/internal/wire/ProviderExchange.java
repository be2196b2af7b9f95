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

package dev.chatstarter.core.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.http.AnswerReader;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.internal.http.StreamEventReader;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChunkChoice;

/**
 * The lowest stage: writes a request in the provider's dialect, sends it through the
 * provider's one {@link ProviderHttpClient} and reads the answer, or each chunk as its
 * event arrives, in the same pass. A finish reason that stands for an error fails the
 * call; a stream that ends without a finish reason fails with
 * {@link ChatIncompleteStreamException}, one that grows past {@code max-stream-size} with
 * {@code ChatResponseTooLargeException}.
 */
public final class ProviderExchange implements ChatExchange {

	/** The path of chat completions, below the base URL. */
	public static final String CHAT_PATH = "/chat/completions";

	private final ProviderHttpClient http;

	private final ChatRequestWriter requestWriter;

	private final ChatErrorMapper errorMapper;

	private final long maxStreamBytes;

	private final AnswerReader<ChatResponse> responseReader;

	private final StreamEventReader<ChatChunk> chunkReader;

	/**
	 * Create the provider exchange.
	 * @param http the provider's HTTP client
	 * @param requestWriter writes requests in the provider's dialect
	 * @param completionReader reads answers and chunks
	 * @param errorMapper turns error finish reasons and malformed answers into exceptions
	 * @param maxStreamBytes the most a stream may deliver in all
	 * ({@code max-stream-size})
	 */
	public ProviderExchange(ProviderHttpClient http, ChatRequestWriter requestWriter,
			ChatCompletionReader completionReader, ChatErrorMapper errorMapper, long maxStreamBytes) {
		this.http = http;
		this.requestWriter = requestWriter;
		this.errorMapper = errorMapper;
		this.maxStreamBytes = maxStreamBytes;
		this.responseReader = new ResponseReader(http.provider(), completionReader, errorMapper);
		this.chunkReader = new ChunkReader(http.provider(), completionReader);
	}

	@Override
	public String provider() {
		return this.http.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return Mono
			.defer(() -> this.http.post(CHAT_PATH, this.requestWriter.write(request, false), this.responseReader))
			.map((response) -> {
				for (Choice choice : response.choices()) {
					failOnErrorFinish(choice.finishReason());
				}
				return response;
			});
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> {
			AtomicBoolean finished = new AtomicBoolean();
			StreamSizeLimit sizeLimit = new StreamSizeLimit(provider(), this.maxStreamBytes);
			return this.http.postStream(CHAT_PATH, this.requestWriter.write(request, true), this.chunkReader)
				.doOnNext((chunk) -> {
					// throwing cancels the body, which closes the connection
					sizeLimit.add(chunk);
					for (ChunkChoice choice : chunk.choices()) {
						if (choice.finishReason() != null) {
							failOnErrorFinish(choice.finishReason());
							finished.set(true);
						}
					}
				})
				.concatWith(Mono.defer(() -> finished.get() ? Mono.empty() : Mono.error(this::incompleteStream)));
		});
	}

	private void failOnErrorFinish(@Nullable String finishReason) {
		if (finishReason != null) {
			ChatException error = this.errorMapper.fromFinishReason(finishReason);
			if (error != null) {
				throw error;
			}
		}
	}

	private ChatIncompleteStreamException incompleteStream() {
		return new ChatIncompleteStreamException(ErrorDetails.local(provider(),
				"the stream ended before any choice had a finish_reason; the answer is truncated"), null);
	}

	/**
	 * Reads the answer of a call: a plain one straight from its bytes, the others from
	 * the checked tree, which must have choices.
	 */
	private record ResponseReader(String provider, ChatCompletionReader reader,
			ChatErrorMapper errorMapper) implements AnswerReader<ChatResponse> {

		@Override
		public @Nullable ChatResponse readPlain(byte[] json) {
			return this.reader.readPlainResponse(this.provider, json);
		}

		@Override
		public ChatResponse read(JsonNode json) {
			ChatResponse response = this.reader.readResponse(this.provider, json);
			if (response.choices().isEmpty()) {
				throw this.errorMapper.malformed("the answer has no choices", null,
						json.toString().getBytes(StandardCharsets.UTF_8));
			}
			return response;
		}

	}

	/**
	 * Reads the chunks of a stream: plain ones straight from their bytes, the others from
	 * the checked tree.
	 */
	private record ChunkReader(String provider, ChatCompletionReader reader) implements StreamEventReader<ChatChunk> {

		@Override
		public @Nullable ChatChunk readPlain(byte[] data) {
			return this.reader.readPlainChunk(this.provider, data);
		}

		@Override
		public ChatChunk read(JsonNode json) {
			return this.reader.readChunk(this.provider, json);
		}

	}

}
