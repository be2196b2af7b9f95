package dev.chatstarter.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;

/**
 * The default {@link ChatTemplate.PromptSpec}: collects messages and options, then hands a {@link ChatRequest} to
 * the template.
 */
final class DefaultPromptSpec implements ChatTemplate.PromptSpec {

	private final DefaultChatTemplate template;

	private final List<ChatMessage> messages = new ArrayList<>();

	private ChatOptions options = ChatOptions.empty();

	DefaultPromptSpec(DefaultChatTemplate template) {
		this.template = template;
	}

	@Override
	public ChatTemplate.PromptSpec system(String text) {
		return message(ChatMessage.system(text));
	}

	@Override
	public ChatTemplate.PromptSpec developer(String text) {
		return message(ChatMessage.developer(text));
	}

	@Override
	public ChatTemplate.PromptSpec user(String text) {
		return message(ChatMessage.user(text));
	}

	@Override
	public ChatTemplate.PromptSpec user(Consumer<ChatTemplate.UserSpec> user) {
		DefaultUserSpec spec = new DefaultUserSpec();
		user.accept(spec);
		return message(spec.toMessage());
	}

	@Override
	public ChatTemplate.PromptSpec assistant(String text) {
		return message(ChatMessage.assistant(text));
	}

	@Override
	public ChatTemplate.PromptSpec message(ChatMessage message) {
		Assert.notNull(message, "message must not be null");
		this.messages.add(message);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec messages(List<ChatMessage> messages) {
		Assert.notNull(messages, "messages must not be null");
		messages.forEach(this::message);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec options(ChatOptions options) {
		Assert.notNull(options, "options must not be null");
		this.options = this.options.mergedWith(options);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec options(Consumer<ChatOptions.Builder> options) {
		ChatOptions.Builder builder = this.options.mutate();
		options.accept(builder);
		this.options = builder.build();
		return this;
	}

	@Override
	public ChatTemplate.CallResponseSpec call() {
		return new DefaultCallResponseSpec(toRequest());
	}

	@Override
	public ChatTemplate.StreamResponseSpec stream() {
		return new DefaultStreamResponseSpec(toRequest());
	}

	private ChatRequest toRequest() {
		Assert.state(!this.messages.isEmpty(), "Add at least one message before calling the model");
		return new ChatRequest(this.messages, this.template.defaultOptions().mergedWith(this.options));
	}

	private final class DefaultCallResponseSpec implements ChatTemplate.CallResponseSpec {

		private final ChatRequest request;

		DefaultCallResponseSpec(ChatRequest request) {
			this.request = request;
		}

		@Override
		public ChatResponse response() {
			return DefaultChatTemplate.block(responseMono());
		}

		@Override
		public @Nullable String content() {
			return response().content();
		}

		@Override
		public Mono<ChatResponse> responseMono() {
			return DefaultPromptSpec.this.template.call(this.request);
		}

		@Override
		public Mono<String> contentMono() {
			return responseMono().mapNotNull(ChatResponse::content);
		}

	}

	private final class DefaultStreamResponseSpec implements ChatTemplate.StreamResponseSpec {

		private final ChatRequest request;

		DefaultStreamResponseSpec(ChatRequest request) {
			this.request = request;
		}

		@Override
		public Flux<String> content() {
			return chunks().mapNotNull(ChatChunk::content).filter((text) -> !text.isEmpty());
		}

		@Override
		public Flux<ChatChunk> chunks() {
			return DefaultPromptSpec.this.template.stream(this.request);
		}

		@Override
		public Mono<ChatResponse> response() {
			return Mono.defer(() -> {
				ChatStreamAggregator aggregator = new ChatStreamAggregator(DefaultPromptSpec.this.template.provider());
				return chunks().doOnNext(aggregator::add).then(Mono.fromSupplier(aggregator::toResponse));
			});
		}

	}

	private static final class DefaultUserSpec implements ChatTemplate.UserSpec {

		private final List<ContentPart> parts = new ArrayList<>();

		private @Nullable String name;

		@Override
		public ChatTemplate.UserSpec text(String text) {
			this.parts.add(new TextPart(text));
			return this;
		}

		@Override
		public ChatTemplate.UserSpec image(URI url) {
			this.parts.add(ImagePart.of(url));
			return this;
		}

		@Override
		public ChatTemplate.UserSpec image(URI url, @Nullable String detail) {
			this.parts.add(ImagePart.of(url).withDetail(detail));
			return this;
		}

		@Override
		public ChatTemplate.UserSpec image(byte[] data, MimeType mimeType) {
			this.parts.add(ImagePart.of(data, mimeType));
			return this;
		}

		@Override
		public ChatTemplate.UserSpec image(Resource resource) {
			this.parts.add(ImagePart.of(resource));
			return this;
		}

		@Override
		public ChatTemplate.UserSpec name(String name) {
			this.name = name;
			return this;
		}

		ChatMessage toMessage() {
			Assert.state(!this.parts.isEmpty(), "A user message needs at least one text or image part");
			return ChatMessage.user(this.parts).withName(this.name);
		}

	}

}
