package dev.chatstarter.core.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.io.JsonStringEncoder;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;

import org.springframework.util.Assert;

/**
 * The one place the tool-call loop runs, for blocking and streaming calls alike: offer the tools, let the model ask
 * for calls, run every call of a turn in parallel, send the results back as {@code tool} messages with their
 * {@code tool_call_id}, and repeat until the model answers or the round limit is reached.
 * <p>
 * The assistant turn that asked for the calls goes back into the history as the provider sent it, reasoning included
 * (the provider's dialect decides whether the reasoning is echoed). A forced {@code tool_choice} ({@code required} or
 * a named function) applies to the first round only; later rounds use {@code auto}, or the model could never answer.
 */
public final class ToolCallingLoop {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallingLoop.class);

	private final String provider;

	private final ToolExecutionOptions options;

	private final ToolExecutionListener listener;

	/**
	 * Create a loop.
	 * @param provider the provider name, for errors and logs
	 * @param options the round limit, error handling and tool timeout
	 * @param listener told of every tool execution
	 */
	public ToolCallingLoop(String provider, ToolExecutionOptions options, ToolExecutionListener listener) {
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(options, "options must not be null");
		Assert.notNull(listener, "listener must not be null");
		this.provider = provider;
		this.options = options;
		this.listener = listener;
	}

	/**
	 * Run a non-streaming call with tools.
	 * @param request the request; its tool definitions are extended with the tools'
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @param model sends one request to the model
	 * @return the model's final answer
	 */
	public Mono<ChatResponse> call(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Mono<ChatResponse>> model) {
		Map<String, ToolCallback> byName = byName(tools);
		return Mono.defer(() -> callRound(withTools(request, tools), byName, context, model, 1));
	}

	private Mono<ChatResponse> callRound(ChatRequest request, Map<String, ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Mono<ChatResponse>> model, int round) {
		return model.apply(request).flatMap((response) -> {
			if (response.toolCalls().isEmpty()) {
				return Mono.just(response);
			}
			return nextRequest(request, response, tools, context, round)
				.flatMap((next) -> callRound(next, tools, context, model, round + 1));
		});
	}

	/**
	 * Run a streaming call with tools. The chunks of every round are emitted as they arrive (the rounds that ask for
	 * tools usually carry no text); the tools run between rounds.
	 * @param request the request; its tool definitions are extended with the tools'
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @param model sends one streaming request to the model
	 * @param finalResponse receives the last round folded into a response
	 * @return the chunks of all rounds
	 */
	public Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Flux<ChatChunk>> model, Consumer<ChatResponse> finalResponse) {
		Map<String, ToolCallback> byName = byName(tools);
		return Flux.defer(() -> streamRound(withTools(request, tools), byName, context, model, finalResponse, 1));
	}

	private Flux<ChatChunk> streamRound(ChatRequest request, Map<String, ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Flux<ChatChunk>> model, Consumer<ChatResponse> finalResponse, int round) {
		ChatStreamAggregator aggregator = new ChatStreamAggregator(this.provider);
		return model.apply(request).doOnNext(aggregator::add).concatWith(Flux.defer(() -> {
			ChatResponse response = aggregator.toResponse();
			if (response.toolCalls().isEmpty()) {
				finalResponse.accept(response);
				return Flux.empty();
			}
			return nextRequest(request, response, tools, context, round)
				.flatMapMany((next) -> streamRound(next, tools, context, model, finalResponse, round + 1));
		}));
	}

	private Mono<ChatRequest> nextRequest(ChatRequest request, ChatResponse response, Map<String, ToolCallback> tools,
			ToolContext context, int round) {
		if (round >= this.options.maxRounds()) {
			return Mono.error(new ToolExecutionException(this.provider, null, "the model still asked for tools after "
					+ round + " rounds (max-tool-rounds); the calls were " + names(response.toolCalls()), null));
		}
		ChatMessage assistant = response.message();
		return Flux.fromIterable(response.toolCalls())
			.flatMapSequential((call) -> execute(call, tools, context))
			.collectList()
			.map((results) -> {
				List<ChatMessage> messages = new ArrayList<>(request.messages());
				messages.add(assistant);
				messages.addAll(results);
				return new ChatRequest(messages, afterFirstRound(request.options()));
			});
	}

	private Mono<ChatMessage> execute(ToolCall call, Map<String, ToolCallback> tools, ToolContext context) {
		ToolCallback tool = tools.get(call.name());
		Mono<String> result = (tool != null)
				? this.listener.observe(call.name(),
						Mono.defer(() -> tool.call(call.arguments(), context)).timeout(this.options.timeout()))
				: Mono.error(new IllegalArgumentException(
						"Unknown tool '" + call.name() + "'; the tools offered are " + tools.keySet()));
		return result.onErrorResume((ex) -> onToolError(call, ex))
			.map((text) -> ChatMessage.tool(call.id(), text));
	}

	private Mono<String> onToolError(ToolCall call, Throwable failure) {
		String description = (failure instanceof TimeoutException)
				? "the tool did not finish within " + this.options.timeout().toMillis() + " ms" : String.valueOf(
						(failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName());
		if (!this.options.returnErrorsToModel()) {
			return Mono.error(new ToolExecutionException(this.provider, call.name(),
					"tool '" + call.name() + "' failed: " + description, failure));
		}
		logger.warn("Tool '{}' of provider '{}' failed; the error goes back to the model: {}", call.name(),
				this.provider, failure.toString());
		return Mono.just("{\"error\":" + quote(failure.getClass().getSimpleName() + ": " + description) + "}");
	}

	private static ChatRequest withTools(ChatRequest request, List<ToolCallback> tools) {
		if (tools.isEmpty()) {
			return request;
		}
		Map<String, ToolDefinition> definitions = new LinkedHashMap<>();
		List<ToolDefinition> existing = request.options().tools();
		if (existing != null) {
			existing.forEach((definition) -> definitions.put(definition.name(), definition));
		}
		tools.forEach((tool) -> definitions.putIfAbsent(tool.name(), tool.definition()));
		ChatOptions options = request.options().mutate().tools(new ArrayList<>(definitions.values())).build();
		return new ChatRequest(request.messages(), options);
	}

	private static ChatOptions afterFirstRound(ChatOptions options) {
		ToolChoice choice = options.toolChoice();
		if (choice != null && (choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.FUNCTION)) {
			return options.mutate().toolChoice(ToolChoice.auto()).build();
		}
		return options;
	}

	private static Map<String, ToolCallback> byName(List<ToolCallback> tools) {
		Map<String, ToolCallback> byName = new LinkedHashMap<>();
		for (ToolCallback tool : tools) {
			ToolCallback existing = byName.putIfAbsent(tool.name(), tool);
			if (existing != null && existing != tool) {
				throw new ToolDeclarationException("Two tools offered to one call are named '" + tool.name() + "': "
						+ existing + " and " + tool);
			}
		}
		return byName;
	}

	private static List<String> names(List<ToolCall> calls) {
		return calls.stream().map(ToolCall::name).toList();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		JsonStringEncoder.getInstance().quoteAsString(text, quoted);
		return quoted.append('"').toString();
	}

}
