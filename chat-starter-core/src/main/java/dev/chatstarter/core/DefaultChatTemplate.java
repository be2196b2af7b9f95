package dev.chatstarter.core;

import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Choice;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.error.ChatErrorMapper;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatIncompleteStreamException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ChatResponseTooLargeException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.error.SecretRedactor;
import dev.chatstarter.core.http.AnswerReader;
import dev.chatstarter.core.http.BaseUrl;
import dev.chatstarter.core.http.CallDeadline;
import dev.chatstarter.core.http.CleartextCredentials;
import dev.chatstarter.core.http.ConnectionPool;
import dev.chatstarter.core.http.ProviderHttpClient;
import dev.chatstarter.core.http.StreamEventReader;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.observation.ChatObservations;
import dev.chatstarter.core.output.EntityParser;
import dev.chatstarter.core.output.JsonSchemaCache;
import dev.chatstarter.core.output.SchemaPrompt;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.resilience.ProviderCooldown;
import dev.chatstarter.core.resilience.ProviderLimiter;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;
import dev.chatstarter.core.stream.ChunkChoice;
import dev.chatstarter.core.stream.StreamSizeLimit;
import dev.chatstarter.core.tool.MethodToolCallback;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolCallingLoop;
import dev.chatstarter.core.tool.ToolContext;
import dev.chatstarter.core.wire.ChatCompletionReader;
import dev.chatstarter.core.wire.ChatRequestWriter;
import dev.chatstarter.core.wire.ImageCodec;
import dev.chatstarter.core.wire.ModelListReader;


/**
 * The default {@link ChatTemplate}: writes requests in the provider's dialect, sends them through one
 * {@link ProviderHttpClient}, and reads and checks the answers. The blocking methods subscribe to the same reactive
 * pipeline and wait.
 */
final class DefaultChatTemplate implements ChatTemplate {

	static final String CHAT_PATH = "/chat/completions";

	static final String MODELS_PATH = "/models";

	static final String IMAGES_PATH = "/images/generations";

	private static final JsonMapper DEFAULT_JSON_MAPPER = JsonMapper.builder().build();

	private final ChatTemplateSettings settings;

	private final ProviderHttpClient http;

	private final ChatErrorMapper errorMapper;

	private final ChatRequestWriter requestWriter;

	private final ChatCompletionReader completionReader;

	private final StreamEventReader<ChatChunk> chunkReader;

	private final AnswerReader<ChatResponse> responseReader;

	private final ModelListReader modelListReader = new ModelListReader();

	private final ImageCodec imageCodec;

	private final ImageOperations images = new DefaultImageOperations();

	private final ToolCallingLoop toolCallingLoop;

	private final ChatObservations observations;

	private volatile @Nullable List<ToolCallback> defaultTools;

	private final JsonSchemaCache schemaCache;

	private final EntityParser entityParser;

	private final ProviderCooldown cooldown;

	private final FallbackChain fallbackChain;

	private final ProviderLimiter limiter;

	private final @Nullable CallDeadline callDeadline;

	DefaultChatTemplate(ChatTemplateSettings settings) {
		this.settings = settings;
		JsonMapper jsonMapper = (settings.jsonMapper() != null) ? settings.jsonMapper() : DEFAULT_JSON_MAPPER;
		CleartextCredentials.warnIfExposed(settings.provider(), settings.http());
		SecretRedactor redactor = SecretRedactor.forCredentials(settings.http().apiKey(), settings.http().headers());
		this.errorMapper = new ChatErrorMapper(settings.provider(), redactor);
		this.http = new ProviderHttpClient(settings.provider(), settings.http(),
				settings.resilience().connectionPool(), settings.webClientBuilder(),
				settings.httpClientCustomizer(), jsonMapper, this.errorMapper, settings.retryListener());
		this.requestWriter = new ChatRequestWriter(jsonMapper, settings.dialect());
		this.completionReader = new ChatCompletionReader(jsonMapper);
		this.chunkReader = new ChunkReader(this.completionReader);
		this.responseReader = new ResponseReader();
		this.imageCodec = new ImageCodec(jsonMapper);
		this.observations = new ChatObservations(settings.provider(), settings.http().baseUrl(),
				settings.observations());
		this.toolCallingLoop = new ToolCallingLoop(settings.provider(), settings.toolExecution(),
				this.observations.observeToolExecutions(settings.toolExecutionListener()),
				settings.toolErrorConverter(), redactor);
		this.schemaCache = new JsonSchemaCache(jsonMapper);
		this.entityParser = new EntityParser(jsonMapper);
		this.cooldown = new ProviderCooldown(settings.resilience().cooldown(), settings.resilience().clock());
		this.limiter = new ProviderLimiter(settings.provider(), settings.resilience().limits(),
				settings.resilience().clock());
		Duration callTimeout = settings.http().callTimeout();
		this.callDeadline = (callTimeout != null) ? CallDeadline.configured(settings.provider(), callTimeout) : null;
		this.fallbackChain = new FallbackChain(this, settings.resilience().fallbacks(),
				settings.resilience().fallbackOn(), settings.resilience().fallbackListener());
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
		return new DefaultPromptSpec(this);
	}

	@Override
	public PromptSpec prompt(String userText) {
		return prompt().user(userText);
	}

	@Override
	public List<ModelInfo> models() {
		return block(modelsMono());
	}

	@Override
	public Mono<List<ModelInfo>> modelsMono() {
		return this.observations.observeModels(this.http.get(MODELS_PATH).map((json) -> {
			if (!this.modelListReader.isModelList(json)) {
				throw malformed("the model list has no 'data' array", json);
			}
			return this.modelListReader.read(json);
		}));
	}

	@Override
	public ImageOperations images() {
		return this.images;
	}

	@Override
	public CooldownState cooldownState() {
		return this.cooldown.state();
	}

	@Override
	public Builder mutate() {
		return new DefaultChatTemplateBuilder(this.settings);
	}

	/**
	 * Return the templates this one falls back to, as configured (without their own fallbacks).
	 * @return the fallbacks
	 */
	List<DefaultChatTemplate> fallbacks() {
		return this.settings.resilience().fallbacks();
	}

	/**
	 * Return the connection pool of this template.
	 * @return the pool
	 */
	ConnectionPool connectionPool() {
		return this.settings.resilience().connectionPool();
	}

	@Override
	public void close() {
		if (this.settings.resilience().ownsConnectionPool()) {
			this.settings.resilience().connectionPool().dispose();
		}
	}

	@Override
	public String toString() {
		return "ChatTemplate[provider=" + provider() + ", baseUrl=" + BaseUrl.redacted(this.settings.http().baseUrl())
				+ "]";
	}

	/**
	 * Return the tools a call offers: the template's default tools plus the named ones.
	 * @param names the tool names of this call
	 * @return the tools
	 */
	List<ToolCallback> tools(List<String> names) {
		List<ToolCallback> defaults = defaultTools();
		if (names.isEmpty()) {
			return defaults;
		}
		List<ToolCallback> tools = new ArrayList<>(defaults);
		tools.addAll(this.settings.toolRegistry().get().resolve(names));
		return tools;
	}

	private List<ToolCallback> defaultTools() {
		List<ToolCallback> tools = this.defaultTools;
		if (tools == null) {
			tools = this.settings.defaultTools().isEmpty() ? List.of()
					: this.settings.toolRegistry().get().resolve(this.settings.defaultTools());
			this.defaultTools = tools;
		}
		return tools;
	}

	/**
	 * Return the tools of an object: the registry's when the object is a registered tool bean (the same instance),
	 * else its {@code @ChatTool} methods, introspected for this call. Nothing is cached per object: a per-request
	 * object (one that binds the current user, say) must not be kept alive by the template, and two objects that are
	 * {@code equals} but hold different state must each get their own calls.
	 * @param toolObject the object
	 * @return its tools
	 */
	List<ToolCallback> toolsOf(Object toolObject) {
		List<ToolCallback> registered = this.settings.toolRegistry()
			.get()
			.all()
			.stream()
			.filter((tool) -> tool instanceof MethodToolCallback method && method.getBean() == toolObject)
			.toList();
		return registered.isEmpty() ? ToolCallbacks.fromBean(toolObject) : registered;
	}

	/**
	 * Run a non-streaming call, with the tool-call loop when tools are offered, within the call's deadline.
	 * @param request the request, options already merged
	 * @param tools the tools offered
	 * @param context the tool context
	 * @param timeout the call's own timeout, or {@code null} for the template's {@code call-timeout}
	 * @return the final response
	 */
	Mono<ChatResponse> call(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Duration timeout) {
		Mono<ChatResponse> call = tools.isEmpty() ? call(request)
				: this.toolCallingLoop.call(request, tools, context, this::call);
		CallDeadline deadline = deadline(timeout);
		return (deadline != null) ? deadline.apply(call) : call;
	}

	/**
	 * Run a streaming call, with the tool-call loop when tools are offered, within the call's deadline. The chunks
	 * are folded into a response only when someone wants it or the tool-call loop needs it.
	 * @param request the request, options already merged
	 * @param tools the tools offered
	 * @param context the tool context
	 * @param timeout the call's own timeout, or {@code null} for the template's {@code call-timeout}
	 * @param finalResponse receives the last round folded into a response, or {@code null} when nobody wants it
	 * @return the chunks of every round
	 */
	Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Duration timeout, @Nullable Consumer<ChatResponse> finalResponse) {
		Flux<ChatChunk> stream = stream(request, tools, context, finalResponse);
		CallDeadline deadline = deadline(timeout);
		return (deadline != null) ? deadline.apply(stream) : stream;
	}

	private @Nullable CallDeadline deadline(@Nullable Duration perCall) {
		if (perCall != null) {
			return CallDeadline.perCall(provider(), perCall);
		}
		return this.callDeadline;
	}

	private Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			@Nullable Consumer<ChatResponse> finalResponse) {
		if (tools.isEmpty() && finalResponse == null) {
			return stream(request);
		}
		if (tools.isEmpty()) {
			return Flux.defer(() -> {
				AtomicReference<ChatStreamAggregator> aggregator = new AtomicReference<>(
						new ChatStreamAggregator(provider()));
				return this.fallbackChain.stream(request, (name) -> aggregator.set(new ChatStreamAggregator(name)))
					.doOnNext((chunk) -> aggregator.get().add(chunk))
					.doOnComplete(() -> finalResponse.accept(aggregator.get().toResponse()));
			});
		}
		return Flux.defer(() -> {
			AtomicReference<String> answering = new AtomicReference<>(provider());
			return this.toolCallingLoop.stream(request, tools, context,
					(round) -> this.fallbackChain.stream(round, answering::set),
					(response) -> {
						if (finalResponse != null) {
							finalResponse.accept(answeredBy(response, answering.get()));
						}
					});
		});
	}

	private static ChatResponse answeredBy(ChatResponse response, String provider) {
		return provider.equals(response.provider()) ? response : new ChatResponse(provider, response.id(),
				response.model(), response.created(), response.choices(), response.usage(),
				response.systemFingerprint());
	}

	/**
	 * Turn a request into one that asks for structured output of a type, as the provider's dialect says.
	 * @param request the request
	 * @param type the type to answer with
	 * @return the request
	 */
	ChatRequest structured(ChatRequest request, Type type) {
		ChatOptions.Builder options = request.options().mutate();
		List<ChatMessage> messages = request.messages();
		switch (this.settings.dialect().structuredOutput()) {
			case JSON_SCHEMA -> options.responseFormat(this.schemaCache.strict(type).responseFormat());
			case JSON_OBJECT -> {
				options.responseFormat(ResponseFormat.jsonObject());
				messages = withInstructions(messages, SchemaPrompt.instructions(this.schemaCache.relaxed(type)));
			}
			case PROMPT -> messages = withInstructions(messages,
					SchemaPrompt.instructions(this.schemaCache.relaxed(type)));
		}
		return new ChatRequest(messages, options.build());
	}

	private static List<ChatMessage> withInstructions(List<ChatMessage> messages, String instructions) {
		List<ChatMessage> withInstructions = new ArrayList<>(messages.size() + 1);
		withInstructions.add(ChatMessage.system(instructions));
		withInstructions.addAll(messages);
		return withInstructions;
	}

	/**
	 * Parse a structured answer.
	 * @param response the response
	 * @param type the type to answer with
	 * @return the parsed answer
	 */
	Object entity(ChatResponse response, Type type) {
		return this.entityParser.parse(provider(), response.content(), type);
	}

	/**
	 * Send a complete request along the fallback chain and read the answer.
	 * @param request the request, options already merged
	 * @return the checked response of the first provider that answered
	 */
	Mono<ChatResponse> call(ChatRequest request) {
		return this.fallbackChain.call(request);
	}

	/**
	 * Send a streaming request along the fallback chain and read its chunks.
	 * @param request the request, options already merged
	 * @return the checked chunks of the first provider that answered
	 */
	Flux<ChatChunk> stream(ChatRequest request) {
		return this.fallbackChain.stream(request, (name) -> {
		});
	}

	/**
	 * Send a complete request to this provider only, minding its cooldown and client-side limits.
	 * @param request the request for this provider
	 * @param skipWhenCooling whether to fail at once while the provider is cooling down
	 * @return the checked response
	 */
	Mono<ChatResponse> guardedCall(ChatRequest request, boolean skipWhenCooling) {
		return Mono.defer(() -> {
			ProviderCooldown.Permit admission = this.cooldown.tryAcquire();
			if (!admission.isGranted() && skipWhenCooling) {
				return Mono.error(this::coolingDown);
			}
			Mono<ChatResponse> call = !this.limiter.isLimited() ? callDirect(request)
					: this.limiter.acquire()
						.flatMap((permit) -> callDirect(request)
							.doOnSuccess((response) -> recordTokens(permit, response.usage()))
							.doFinally((signal) -> permit.release()));
			return call.doOnSuccess((response) -> admission.onSuccess())
				.doOnError(admission::onFailure)
				.doOnCancel(admission::onCancel);
		});
	}

	/**
	 * Send a streaming request to this provider only, minding its cooldown and client-side limits.
	 * @param request the request for this provider
	 * @param skipWhenCooling whether to fail at once while the provider is cooling down
	 * @return the checked chunks
	 */
	Flux<ChatChunk> guardedStream(ChatRequest request, boolean skipWhenCooling) {
		return Flux.defer(() -> {
			ProviderCooldown.Permit admission = this.cooldown.tryAcquire();
			if (!admission.isGranted() && skipWhenCooling) {
				return Flux.error(this::coolingDown);
			}
			Flux<ChatChunk> stream = !this.limiter.isLimited() ? streamDirect(request)
					: this.limiter.acquire().flatMapMany((permit) -> {
						AtomicReference<@Nullable Usage> usage = new AtomicReference<>();
						return streamDirect(request).doOnNext((chunk) -> {
							if (chunk.usage() != null) {
								usage.set(chunk.usage());
							}
						}).doFinally((signal) -> {
							recordTokens(permit, usage.get());
							permit.release();
						});
					});
			return stream.doOnComplete(admission::onSuccess)
				.doOnError(admission::onFailure)
				.doOnCancel(admission::onCancel);
		});
	}

	private static void recordTokens(ProviderLimiter.Permit permit, @Nullable Usage usage) {
		if (usage != null) {
			Integer total = usage.totalTokens();
			if (total == null && usage.promptTokens() != null && usage.completionTokens() != null) {
				total = usage.promptTokens() + usage.completionTokens();
			}
			if (total != null) {
				permit.recordTokens(total);
			}
		}
	}

	private ChatProviderUnavailableException coolingDown() {
		return new ChatProviderUnavailableException(ErrorDetails.local(provider(),
				"the provider is cooling down after repeated failures until " + this.cooldown.openUntil()), null);
	}

	private Mono<ChatResponse> callDirect(ChatRequest request) {
		return this.observations.observeCall(request, Mono
			.defer(() -> this.http.post(CHAT_PATH, this.requestWriter.write(request, false), this.responseReader))
			.map((response) -> {
				for (Choice choice : response.choices()) {
					failOnErrorFinish(choice.finishReason());
				}
				return response;
			}));
	}

	/**
	 * Send a streaming request to this provider and read its chunks.
	 * @param request the request, options already merged
	 * @return the checked chunks; the flux fails with {@link ChatIncompleteStreamException} when the stream ends
	 * without a finish reason, and with {@link ChatResponseTooLargeException} when it grows past
	 * {@code max-stream-size}
	 */
	private Flux<ChatChunk> streamDirect(ChatRequest request) {
		return this.observations.observeStream(request, Flux.defer(() -> {
			AtomicBoolean finished = new AtomicBoolean();
			StreamSizeLimit sizeLimit = new StreamSizeLimit(provider(), this.settings.http().maxStreamBytes());
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
		}));
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

	private ChatException malformed(String what, JsonNode json) {
		return this.errorMapper.malformed(what, null, json.toString().getBytes(StandardCharsets.UTF_8));
	}

	static <T> T block(Mono<T> mono) {
		T value;
		try {
			value = mono.block();
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof InterruptedException) {
				// block() cancelled the call; keep the thread's interrupt status for its owner
				Thread.currentThread().interrupt();
			}
			throw ex;
		}
		if (value == null) {
			throw new IllegalStateException("The call completed without a value");
		}
		return value;
	}

	private final class DefaultImageOperations implements ImageOperations {

		@Override
		public ImageResult generate(ImageRequest request) {
			return block(generateMono(request));
		}

		@Override
		public Mono<ImageResult> generateMono(ImageRequest request) {
			return DefaultChatTemplate.this.observations.observeImageGeneration(request,
					Mono.fromSupplier(() -> DefaultChatTemplate.this.imageCodec.write(request))
						.flatMap((body) -> DefaultChatTemplate.this.http.post(IMAGES_PATH, body))
						.map((json) -> {
							if (!DefaultChatTemplate.this.imageCodec.isImageResult(json)) {
								throw malformed("the image answer has no 'data' array", json);
							}
							return DefaultChatTemplate.this.imageCodec.read(json);
						}));
		}

	}

	/**
	 * Reads the answer of a call: a plain one straight from its bytes, the others from the checked tree, which must
	 * have choices.
	 */
	private final class ResponseReader implements AnswerReader<ChatResponse> {

		@Override
		public @Nullable ChatResponse readPlain(byte[] json) {
			return DefaultChatTemplate.this.completionReader.readPlainResponse(provider(), json);
		}

		@Override
		public ChatResponse read(JsonNode json) {
			ChatResponse response = DefaultChatTemplate.this.completionReader.readResponse(provider(), json);
			if (response.choices().isEmpty()) {
				throw malformed("the answer has no choices", json);
			}
			return response;
		}

	}

	/**
	 * Reads the chunks of a stream: plain ones straight from their text, the others from the checked tree.
	 */
	private record ChunkReader(ChatCompletionReader reader) implements StreamEventReader<ChatChunk> {

		@Override
		public @Nullable ChatChunk readPlain(String data) {
			return this.reader.readPlainChunk(data);
		}

		@Override
		public ChatChunk read(JsonNode json) {
			return this.reader.readChunk(json);
		}

	}

}
