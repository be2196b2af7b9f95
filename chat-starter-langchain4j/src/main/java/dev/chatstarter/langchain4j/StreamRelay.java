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

package dev.chatstarter.langchain4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Scheduler;

import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.ToolCallDelta;

/**
 * Subscribes to a template's chunks and relays them to a LangChain4j
 * {@link StreamingChatResponseHandler}, without a thread of its own: text, reasoning and
 * tool call fragments are handed over on the thread that delivers the chunk (Reactor
 * Netty's event loop), the complete response and any error on a worker of the given
 * scheduler, since LangChain4j runs tools, chat memory and the next request from
 * {@code onCompleteResponse}. The fragments of choice 0 are relayed, tool call argument
 * fragments once their call's name is known; the chunks are folded into the complete
 * response (tool calls assembled by the core's aggregator) as they pass.
 * {@link #cancel()} (LangChain4j's {@link StreamingHandle}) cancels the subscription,
 * which closes the upstream connection; nothing is relayed after it. A handler that
 * throws ends the stream with that exception, passed to its {@code onError}.
 */
final class StreamRelay extends BaseSubscriber<ChatChunk> implements StreamingHandle {

	private static final Log logger = LogFactory.getLog(StreamRelay.class);

	private final StreamingChatResponseHandler handler;

	private final ChatStreamAggregator aggregator;

	private final Scheduler completionScheduler;

	private final PartialResponseContext responseContext = new PartialResponseContext(this);

	private final PartialThinkingContext thinkingContext = new PartialThinkingContext(this);

	private final PartialToolCallContext toolCallContext = new PartialToolCallContext(this);

	/**
	 * The id and name of each tool call seen so far, by index; created by the first tool
	 * call fragment.
	 */
	private @Nullable Map<Integer, PartialCall> partialCalls;

	private int lastToolCallIndex;

	private volatile boolean cancelled;

	StreamRelay(String provider, StreamingChatResponseHandler handler, Scheduler completionScheduler) {
		this.handler = handler;
		this.aggregator = new ChatStreamAggregator(provider);
		this.completionScheduler = completionScheduler;
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	protected void hookOnNext(ChatChunk chunk) {
		this.aggregator.add(chunk);
		ChunkChoice choice = firstChoice(chunk.choices());
		if (choice == null) {
			return;
		}
		try {
			if (choice.reasoningContent() != null && !choice.reasoningContent().isEmpty() && !this.cancelled) {
				this.handler.onPartialThinking(new PartialThinking(choice.reasoningContent()), this.thinkingContext);
			}
			if (choice.content() != null && !choice.content().isEmpty() && !this.cancelled) {
				this.handler.onPartialResponse(new PartialResponse(choice.content()), this.responseContext);
			}
			for (ToolCallDelta delta : choice.toolCalls()) {
				relayToolCall(delta);
			}
		}
		catch (RuntimeException ex) {
			dispose();
			deliverError(ex);
		}
	}

	private static @Nullable ChunkChoice firstChoice(List<ChunkChoice> choices) {
		for (ChunkChoice choice : choices) {
			if (choice.index() == 0) {
				return choice;
			}
		}
		return null;
	}

	private void relayToolCall(ToolCallDelta delta) {
		Map<Integer, PartialCall> calls = this.partialCalls;
		if (calls == null) {
			calls = new HashMap<>();
			this.partialCalls = calls;
		}
		int index = (delta.index() != null) ? delta.index() : indexWithoutOne(calls, delta);
		if (index < 0) {
			return;
		}
		this.lastToolCallIndex = index;
		PartialCall call = calls.computeIfAbsent(index, (key) -> new PartialCall());
		if (delta.id() != null && !delta.id().isEmpty()) {
			call.id = delta.id();
		}
		if (delta.name() != null && !delta.name().isBlank()) {
			call.name = delta.name();
		}
		if (call.name != null && delta.arguments() != null && !delta.arguments().isEmpty() && !this.cancelled) {
			this.handler.onPartialToolCall(PartialToolCall.builder()
				.index(index)
				.id(call.id)
				.name(call.name)
				.partialArguments(delta.arguments())
				.build(), this.toolCallContext);
		}
	}

	/**
	 * A fragment without an index continues the last call, unless it brings a new id.
	 * @param calls the calls gathered so far, by index
	 * @param delta the fragment that has no index
	 * @return the index of the call the fragment belongs to
	 */
	private int indexWithoutOne(Map<Integer, PartialCall> calls, ToolCallDelta delta) {
		PartialCall last = calls.get(this.lastToolCallIndex);
		if (last != null && delta.id() != null && last.id != null && !last.id.equals(delta.id())) {
			return this.lastToolCallIndex + 1;
		}
		return this.lastToolCallIndex;
	}

	@Override
	protected void hookOnComplete() {
		if (this.cancelled) {
			return;
		}
		ChatResponse response = this.aggregator.toResponse();
		this.completionScheduler.schedule(() -> complete(response));
	}

	private void complete(ChatResponse response) {
		try {
			List<ToolCall> toolCalls = response.toolCalls();
			for (int i = 0; i < toolCalls.size(); i++) {
				this.handler.onCompleteToolCall(
						new CompleteToolCall(i, LangChain4jResponses.toolExecutionRequest(toolCalls.get(i))));
			}
			this.handler.onCompleteResponse(LangChain4jResponses.response(response));
		}
		catch (RuntimeException ex) {
			onErrorSafely(ex);
		}
	}

	@Override
	protected void hookOnError(Throwable throwable) {
		if (!this.cancelled) {
			deliverError(throwable);
		}
	}

	private void deliverError(Throwable throwable) {
		this.completionScheduler.schedule(() -> onErrorSafely(throwable));
	}

	private void onErrorSafely(Throwable throwable) {
		try {
			this.handler.onError(throwable);
		}
		catch (RuntimeException ex) {
			logger.warn("A LangChain4j streaming handler failed in onError", ex);
		}
	}

	/**
	 * {@link #cancel()} (LangChain4j's {@link StreamingHandle#cancel()} and Reactor's) or
	 * {@link #dispose()}: relay nothing more.
	 */
	@Override
	protected void hookOnCancel() {
		this.cancelled = true;
	}

	@Override
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * What is known of one streamed tool call.
	 */
	private static final class PartialCall {

		private @Nullable String id;

		private @Nullable String name;

	}

}
