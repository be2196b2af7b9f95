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

package dev.chatstarter.core;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ContentPart;
import dev.chatstarter.core.chat.ImagePart;
import dev.chatstarter.core.chat.TextPart;
import dev.chatstarter.core.http.CallOverrides;
import dev.chatstarter.core.internal.output.StructuredOutput;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;

/**
 * The default {@link ChatTemplate.PromptSpec}: collects messages and options, then hands
 * a {@link ChatRequest} to the template's {@link PromptPipeline}.
 */
final class DefaultPromptSpec implements ChatTemplate.PromptSpec {

	private final PromptPipeline pipeline;

	private final List<ChatMessage> messages = new ArrayList<>();

	private ChatOptions options = ChatOptions.empty();

	private final List<String> toolNames = new ArrayList<>();

	private final List<ToolCallback> tools = new ArrayList<>();

	private ToolContext toolContext = ToolContext.empty();

	private @Nullable Duration timeout;

	private CallOverrides overrides = CallOverrides.none();

	DefaultPromptSpec(PromptPipeline pipeline) {
		this.pipeline = pipeline;
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
	public ChatTemplate.PromptSpec tools(String... names) {
		Assert.noNullElements(names, "names must not contain null");
		this.toolNames.addAll(List.of(names));
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec tools(ToolCallback... tools) {
		Assert.noNullElements(tools, "tools must not contain null");
		this.tools.addAll(List.of(tools));
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec toolsFrom(Object... toolObjects) {
		Assert.noNullElements(toolObjects, "toolObjects must not contain null");
		for (Object toolObject : toolObjects) {
			this.tools.addAll(this.pipeline.tools().toolsOf(toolObject));
		}
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec toolContext(String name, Object value) {
		this.toolContext = this.toolContext.with(name, value);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec timeout(Duration timeout) {
		Assert.notNull(timeout, "timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		this.timeout = timeout;
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec apiKey(String apiKey) {
		this.overrides = this.overrides.withApiKey(apiKey);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec header(String name, String value) {
		this.overrides = this.overrides.withHeader(name, value);
		return this;
	}

	@Override
	public ChatTemplate.PromptSpec responseTimeout(Duration responseTimeout) {
		Assert.notNull(responseTimeout, "responseTimeout must not be null");
		this.overrides = this.overrides.withResponseTimeout(responseTimeout);
		return this;
	}

	@Override
	public ChatTemplate.CallResponseSpec call() {
		return new DefaultCallResponseSpec(invocation());
	}

	@Override
	public ChatTemplate.StreamResponseSpec stream() {
		return new DefaultStreamResponseSpec(invocation());
	}

	private Invocation invocation() {
		return new Invocation(toRequest(), offeredTools(), this.toolContext, this.timeout, this.overrides);
	}

	private ChatRequest toRequest() {
		Assert.state(!this.messages.isEmpty(), "Add at least one message before calling the model");
		return new ChatRequest(this.messages, this.pipeline.defaultOptions().mergedWith(this.options));
	}

	private List<ToolCallback> offeredTools() {
		List<ToolCallback> offered = this.pipeline.tools().tools(this.toolNames);
		if (this.tools.isEmpty()) {
			return offered;
		}
		Map<String, ToolCallback> byName = new LinkedHashMap<>();
		offered.forEach((tool) -> byName.put(tool.name(), tool));
		this.tools.forEach((tool) -> byName.putIfAbsent(tool.name(), tool));
		return List.copyOf(byName.values());
	}

	/**
	 * What one call sends: the request and the tools it offers, with their context, the
	 * call's own timeout and what it sends differently from the template.
	 */
	private record Invocation(ChatRequest request, List<ToolCallback> tools, ToolContext toolContext,
			@Nullable Duration timeout, CallOverrides overrides) {

		Mono<ChatResponse> call(PromptPipeline pipeline, ChatRequest request) {
			return pipeline.call(request, this.tools, this.toolContext, this.timeout, this.overrides);
		}

		Flux<ChatChunk> stream(PromptPipeline pipeline, @Nullable Consumer<ChatResponse> finalResponse) {
			return pipeline.stream(this.request, this.tools, this.toolContext, this.timeout, this.overrides,
					finalResponse);
		}

	}

	private final class DefaultCallResponseSpec implements ChatTemplate.CallResponseSpec {

		private final Invocation invocation;

		DefaultCallResponseSpec(Invocation invocation) {
			this.invocation = invocation;
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
			return this.invocation.call(DefaultPromptSpec.this.pipeline, this.invocation.request());
		}

		@Override
		public Mono<String> contentMono() {
			return responseMono().mapNotNull(ChatResponse::content);
		}

		@Override
		public <T> T entity(Class<T> type) {
			return DefaultChatTemplate.block(entityMono(type));
		}

		@Override
		public <T> T entity(ParameterizedTypeReference<T> type) {
			return DefaultChatTemplate.block(entityMono(type));
		}

		@Override
		public <T> Mono<T> entityMono(Class<T> type) {
			return entityMono((Type) type).map(type::cast);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> Mono<T> entityMono(ParameterizedTypeReference<T> type) {
			return entityMono(type.getType()).map((entity) -> (T) entity);
		}

		private Mono<Object> entityMono(Type type) {
			PromptPipeline pipeline = DefaultPromptSpec.this.pipeline;
			StructuredOutput output = pipeline.structuredOutput();
			return Mono.defer(() -> this.invocation.call(pipeline, output.request(this.invocation.request(), type)))
				.map((response) -> output.read(response, type));
		}

	}

	private final class DefaultStreamResponseSpec implements ChatTemplate.StreamResponseSpec {

		private final Invocation invocation;

		DefaultStreamResponseSpec(Invocation invocation) {
			this.invocation = invocation;
		}

		@Override
		public Flux<String> content() {
			return chunks().mapNotNull(ChatChunk::content).filter((text) -> !text.isEmpty());
		}

		@Override
		public Flux<ChatChunk> chunks() {
			// nobody asked for the folded response
			return this.invocation.stream(DefaultPromptSpec.this.pipeline, null);
		}

		@Override
		public Mono<ChatResponse> response() {
			return Mono.defer(() -> {
				AtomicReference<ChatResponse> last = new AtomicReference<>();
				return this.invocation.stream(DefaultPromptSpec.this.pipeline, last::set)
					.then(Mono.fromSupplier(last::get));
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
