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
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.springframework.util.Assert;

import dev.chatstarter.core.ChatTemplate;

/**
 * A LangChain4j {@link ChatModel} that sends every request through a
 * {@link ChatTemplate}: the template's retries, fallback chain, cooldown, limits, metrics
 * and health apply, and its provider's errors surface unchanged as chat-starter's typed
 * {@link dev.chatstarter.core.error.ChatException}s.
 *
 * <p>
 * Tool calls the model asks for come back as
 * {@link dev.langchain4j.agent.tool.ToolExecutionRequest}s for LangChain4j
 * ({@code AiServices}) to execute; the template's own tool loop does not run for them. A
 * JSON-schema {@link dev.langchain4j.model.chat.request.ResponseFormat} is sent as
 * {@code response_format}. The call blocks the calling thread: do not call it on an
 * event-loop thread.
 */
public final class ChatTemplateChatModel implements ChatModel {

	private final ChatTemplate template;

	private final List<ChatModelListener> listeners;

	private final Set<Capability> capabilities;

	/**
	 * Create a model for one provider.
	 * @param template the provider's template
	 */
	public ChatTemplateChatModel(ChatTemplate template) {
		this(template, List.of(), Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
	}

	/**
	 * Create a model for one provider, observed by LangChain4j listeners.
	 * @param template the provider's template
	 * @param listeners the LangChain4j request, response and error listeners
	 * @param capabilities what the provider supports:
	 * {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} unless its dialect asks for
	 * structured output in the prompt
	 */
	public ChatTemplateChatModel(ChatTemplate template, List<ChatModelListener> listeners,
			Set<Capability> capabilities) {
		Assert.notNull(template, "template must not be null");
		Assert.notNull(listeners, "listeners must not be null");
		Assert.notNull(capabilities, "capabilities must not be null");
		this.template = template;
		this.listeners = List.copyOf(listeners);
		this.capabilities = Set.copyOf(capabilities);
	}

	/**
	 * Return the template every request goes through.
	 * @return the template
	 */
	public ChatTemplate template() {
		return this.template;
	}

	/**
	 * Send a request through the template and wait for the whole answer.
	 * @param request the request, with the default parameters applied
	 * @return the answer
	 * @throws dev.chatstarter.core.error.ChatException when the provider fails after the
	 * template's retries and fallbacks
	 */
	@Override
	public ChatResponse doChat(ChatRequest request) {
		return LangChain4jResponses.response(LangChain4jRequests.prompt(this.template, request).call().response());
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
		return "ChatTemplateChatModel[provider=" + this.template.provider() + "]";
	}

}
