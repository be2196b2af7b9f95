package dev.chatstarter.core;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.model.ModelInfo;

/**
 * The default {@link ChatTemplate}: WORK IN PROGRESS skeleton.
 */
final class DefaultChatTemplate implements ChatTemplate {

	private final ChatTemplateSettings settings;

	DefaultChatTemplate(ChatTemplateSettings settings) {
		this.settings = settings;
	}

	@Override
	public String provider() {
		return this.settings.provider();
	}

	@Override
	public ChatOptions defaultOptions() {
		return this.settings.defaultOptions();
	}

	@Override
	public PromptSpec prompt() {
		throw new UnsupportedOperationException("in progress");
	}

	@Override
	public PromptSpec prompt(String userText) {
		return prompt().user(userText);
	}

	@Override
	public List<ModelInfo> models() {
		throw new UnsupportedOperationException("in progress");
	}

	@Override
	public Mono<List<ModelInfo>> modelsMono() {
		throw new UnsupportedOperationException("in progress");
	}

	@Override
	public ImageOperations images() {
		throw new UnsupportedOperationException("in progress");
	}

	@Override
	public Builder mutate() {
		return new DefaultChatTemplateBuilder(this.settings);
	}

}
