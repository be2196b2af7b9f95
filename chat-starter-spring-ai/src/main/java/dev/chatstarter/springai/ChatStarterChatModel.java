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

package dev.chatstarter.springai;

import java.util.List;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatMessage;

/**
 * A Spring AI {@link ChatModel} on a chat-starter {@link ChatTemplate}: every call and
 * stream goes through the template, so its retries, fallback, cooldown, key pool, limits,
 * metrics, health and typed {@link dev.chatstarter.core.error.ChatException}s apply as to
 * any other call of that provider.
 * <p>
 * Tool calls follow Spring AI 2.0: the model returns them (tool definitions are sent, the
 * template runs no tool loop for them) and Spring AI's {@code ToolCallingAdvisor} /
 * {@code ToolCallingManager} runs the {@code @Tool} methods. Streams map the template's
 * {@link Flux} chunk by chunk: no thread is held per stream. {@link #getOptions()} are
 * {@link ChatStarterChatOptions}; what a prompt leaves unset comes from the provider's
 * configuration.
 */
public final class ChatStarterChatModel implements ChatModel {

	private final ChatTemplate template;

	private final OptionsConverter options;

	private final ChatStarterChatOptions defaultOptions;

	/**
	 * Create a model on a template.
	 * @param template the provider's template
	 */
	public ChatStarterChatModel(ChatTemplate template) {
		this(template, JsonMapper.builder().build());
	}

	/**
	 * Create a model on a template.
	 * @param template the provider's template
	 * @param jsonMapper reads tool input schemas and structured-output schemas
	 */
	public ChatStarterChatModel(ChatTemplate template, JsonMapper jsonMapper) {
		Assert.notNull(template, "template must not be null");
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.template = template;
		this.options = new OptionsConverter(jsonMapper);
		this.defaultOptions = ChatStarterChatOptions.builder().model(template.defaultOptions().model()).build();
	}

	/**
	 * Return the name of the provider this model calls.
	 * @return the provider name
	 */
	public String provider() {
		return this.template.provider();
	}

	/**
	 * Return the template this model calls.
	 * @return the template
	 */
	public ChatTemplate template() {
		return this.template;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		return ResponseConverter.toSpringAi(spec(prompt).call().response());
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			StreamConverter converter = new StreamConverter(this.template.provider());
			return spec(prompt).stream().chunks().handle((chunk, sink) -> {
				ChatResponse response = converter.convert(chunk);
				if (response != null) {
					sink.next(response);
				}
			});
		});
	}

	/**
	 * Return the options every prompt starts from when it goes through a
	 * {@code ChatClient}: the provider's model; everything else unset, so the provider's
	 * configured defaults apply.
	 * @return the default options
	 */
	@Override
	public ChatOptions getOptions() {
		return this.defaultOptions;
	}

	private ChatTemplate.PromptSpec spec(Prompt prompt) {
		List<ChatMessage> messages = MessageConverter.toChatStarter(prompt.getInstructions());
		return this.template.prompt().messages(messages).options(this.options.toChatStarter(prompt.getOptions()));
	}

	@Override
	public String toString() {
		return "ChatStarterChatModel[provider=" + this.template.provider() + "]";
	}

}
