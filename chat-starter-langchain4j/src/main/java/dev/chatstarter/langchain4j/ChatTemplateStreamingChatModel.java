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

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.springframework.util.Assert;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.core.ChatTemplate;

/**
 * A LangChain4j {@link StreamingChatModel} that streams every request through a
 * {@link ChatTemplate}, without a thread per stream: it subscribes to the template's
 * chunks and returns at once. Text and reasoning fragments reach the handler on the
 * thread that received them (Reactor Netty's event loop: {@code onPartialResponse} must
 * not block), {@code onCompleteResponse} and {@code onError} on a worker of the
 * completion scheduler ({@link Schedulers#boundedElastic()} by default), where
 * LangChain4j may run tools and send the next request. Cancelling through the
 * {@link dev.langchain4j.model.chat.response.StreamingHandle} of a partial response
 * closes the upstream connection.
 *
 * <p>
 * Failures reach {@code onError} as chat-starter's typed
 * {@link dev.chatstarter.core.error.ChatException}s, after the template's retries and
 * fallbacks (a stream falls back only before its first chunk). Tool calls are assembled
 * from their fragments and handed over with the complete response, as
 * {@link dev.langchain4j.agent.tool.ToolExecutionRequest}s for LangChain4j to execute.
 */
public final class ChatTemplateStreamingChatModel implements StreamingChatModel {

	private final ChatTemplate template;

	private final List<ChatModelListener> listeners;

	private final Set<Capability> capabilities;

	private final Scheduler completionScheduler;

	/**
	 * Create a streaming model for one provider.
	 * @param template the provider's template
	 */
	public ChatTemplateStreamingChatModel(ChatTemplate template) {
		this(template, List.of(), Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA), Schedulers.boundedElastic());
	}

	/**
	 * Create a streaming model for one provider.
	 * @param template the provider's template
	 * @param listeners the LangChain4j request, response and error listeners
	 * @param capabilities what the provider supports:
	 * {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} unless its dialect asks for
	 * structured output in the prompt
	 * @param completionScheduler where {@code onCompleteResponse} and {@code onError} run
	 */
	public ChatTemplateStreamingChatModel(ChatTemplate template, List<ChatModelListener> listeners,
			Set<Capability> capabilities, Scheduler completionScheduler) {
		Assert.notNull(template, "template must not be null");
		Assert.notNull(listeners, "listeners must not be null");
		Assert.notNull(capabilities, "capabilities must not be null");
		Assert.notNull(completionScheduler, "completionScheduler must not be null");
		this.template = template;
		this.listeners = List.copyOf(listeners);
		this.capabilities = Set.copyOf(capabilities);
		this.completionScheduler = completionScheduler;
	}

	/**
	 * Return the template every request goes through.
	 * @return the template
	 */
	public ChatTemplate template() {
		return this.template;
	}

	/**
	 * Start streaming a request through the template; returns without waiting.
	 * @param request the request, with the default parameters applied
	 * @param handler receives the fragments, then the complete response or the error
	 */
	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		ChatTemplate.PromptSpec prompt;
		try {
			prompt = LangChain4jRequests.prompt(this.template, request);
		}
		catch (RuntimeException ex) {
			// a request chat-starter cannot send: nothing was sent, the caller's thread
			// hears of it
			handler.onError(ex);
			return;
		}
		prompt.stream()
			.chunks()
			.subscribe(new StreamRelay(this.template.provider(), handler, this.completionScheduler));
	}

	@Override
	public List<ChatModelListener> listeners() {
		return this.listeners;
	}

	@Override
	public ModelProvider provider() {
		return ModelProvider.OTHER;
	}

	/**
	 * Return what the provider supports beyond plain chat. With
	 * {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} (the default) {@code AiServices}
	 * asks for structured output with a JSON-schema {@code response_format}; without it,
	 * with the schema in the prompt.
	 * @return the capabilities
	 */
	@Override
	public Set<Capability> supportedCapabilities() {
		return this.capabilities;
	}

	@Override
	public String toString() {
		return "ChatTemplateStreamingChatModel[provider=" + this.template.provider() + "]";
	}

}
