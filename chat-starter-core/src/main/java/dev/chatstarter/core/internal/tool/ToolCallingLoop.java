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

package dev.chatstarter.core.internal.tool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.internal.error.SecretRedactor;
import dev.chatstarter.core.internal.text.ToolNames;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.stream.ChatStreamAggregator;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolContext;
import dev.chatstarter.core.tool.ToolDeclarationException;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionException;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolLimitExceededException;
import dev.chatstarter.core.tool.UnknownToolException;

/**
 * The one place the tool-call loop runs, for blocking and streaming calls alike: offer
 * the tools, let the model ask for calls, run every call of a turn in parallel, send the
 * results back as {@code tool} messages with their {@code tool_call_id}, and repeat until
 * the model answers or the round limit is reached.
 * <p>
 * The assistant turn that asked for the calls goes back into the history as the provider
 * sent it, reasoning included (the provider's dialect decides whether the reasoning is
 * echoed). A forced {@code tool_choice} ({@code required} or a named function) applies to
 * the first round only; later rounds use {@code auto}, or the model could never answer.
 * <p>
 * Limits: a turn asking for more than {@link ToolExecutionOptions#maxCallsPerRound()}
 * calls, or still asking for tools after {@link ToolExecutionOptions#maxRounds()} rounds,
 * fails the call with a {@link ToolLimitExceededException} before any of its tools runs;
 * at most {@link ToolExecutionOptions#maxConcurrency()} tools of one call run at once.
 * <p>
 * A failing call (the tool threw, the arguments do not fit, the tool is unknown or timed
 * out) either goes back to the model as the tool result, as the
 * {@link ToolErrorConverter} words it and the {@link SecretRedactor} cleans it, or fails
 * the call with a {@link ToolExecutionException}. Per round the first failure is logged
 * at WARN, the others at DEBUG with a WARN summary, so a model cannot flood the log.
 * <p>
 * A tool the request offers as a bare {@link ToolDefinition} (through
 * {@code ChatOptions.tools}, without a {@link ToolCallback}) is the caller's to run: when
 * the model calls one, the loop ends and returns the model's response with all its tool
 * calls, none of them run.
 */
public final class ToolCallingLoop {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallingLoop.class);

	static final String MAX_ROUNDS_PROPERTY = "chat.tools.max-rounds";

	static final String MAX_CALLS_PER_ROUND_PROPERTY = "chat.tools.max-calls-per-round";

	private static final int MAX_LOGGED_FAILURE_LENGTH = 1000;

	private final String provider;

	private final ToolExecutionOptions options;

	private final ToolExecutionListener listener;

	private final ToolErrorConverter errorConverter;

	private final SecretRedactor redactor;

	/**
	 * Create a loop whose failing tools tell the model what
	 * {@link ToolErrorConverter#neutral()} says.
	 * @param provider the provider name, for errors and logs
	 * @param options the limits, error handling and tool timeout
	 * @param listener told of every tool execution
	 */
	public ToolCallingLoop(String provider, ToolExecutionOptions options, ToolExecutionListener listener) {
		this(provider, options, listener, ToolErrorConverter.neutral(), SecretRedactor.none());
	}

	/**
	 * Create a loop.
	 * @param provider the provider name, for errors and logs
	 * @param options the limits, error handling and tool timeout
	 * @param listener told of every tool execution
	 * @param errorConverter words the tool result of a failing call for the model
	 * @param redactor removes the provider's secrets from what the model and the log get
	 * of a failure
	 */
	public ToolCallingLoop(String provider, ToolExecutionOptions options, ToolExecutionListener listener,
			ToolErrorConverter errorConverter, SecretRedactor redactor) {
		Assert.hasText(provider, "provider must not be empty");
		Assert.notNull(options, "options must not be null");
		Assert.notNull(listener, "listener must not be null");
		Assert.notNull(errorConverter, "errorConverter must not be null");
		Assert.notNull(redactor, "redactor must not be null");
		this.provider = provider;
		this.options = options;
		this.listener = listener;
		this.errorConverter = errorConverter;
		this.redactor = redactor;
	}

	/**
	 * Run a non-streaming call with tools.
	 * @param request the request; its tool definitions are extended with the tools'
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @param model sends one request to the model
	 * @return the model's final answer, or its answer that calls a tool offered only as a
	 * definition
	 */
	public Mono<ChatResponse> call(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Mono<ChatResponse>> model) {
		Round round = new Round(byName(tools), callerTools(request, tools), context);
		return Mono.defer(() -> callRound(withTools(request, tools), round, model, 1, null));
	}

	/**
	 * Run one round of a call and, while the model asks for tools, the next.
	 * @param request the request of this round
	 * @param round what the rounds share
	 * @param model calls the model
	 * @param number the number of this round, from 1
	 * @param spentBefore the cost of the rounds before, or {@code null} when not known
	 * @return the answer, with the cost of every round summed
	 */
	private Mono<ChatResponse> callRound(ChatRequest request, Round round,
			Function<ChatRequest, Mono<ChatResponse>> model, int number, @Nullable BigDecimal spentBefore) {
		return model.apply(request).flatMap((response) -> {
			BigDecimal spent = sum(spentBefore, response.cost());
			if (round.isAnswer(response)) {
				return Mono.just((number > 1 && spent != null) ? response.withCost(spent) : response);
			}
			return nextRequest(request, response, round, number)
				.flatMap((next) -> callRound(next, round, model, number + 1, spent));
		});
	}

	private static @Nullable BigDecimal sum(@Nullable BigDecimal before, @Nullable BigDecimal cost) {
		if (before == null || cost == null) {
			return (before != null) ? before : cost;
		}
		return before.add(cost);
	}

	/**
	 * Run a streaming call with tools. The chunks of every round are emitted as they
	 * arrive (the rounds that ask for tools usually carry no text); the tools run between
	 * rounds.
	 * @param request the request; its tool definitions are extended with the tools'
	 * @param tools the tools offered
	 * @param context the context passed to every tool
	 * @param model sends one streaming request to the model
	 * @param finalResponse receives the last round folded into a response, with the cost
	 * of every round summed
	 * @return the chunks of all rounds
	 */
	public Flux<ChatChunk> stream(ChatRequest request, List<ToolCallback> tools, ToolContext context,
			Function<ChatRequest, Flux<ChatChunk>> model, Consumer<ChatResponse> finalResponse) {
		Round round = new Round(byName(tools), callerTools(request, tools), context);
		return Flux.defer(() -> streamRound(withTools(request, tools), round, model, finalResponse, 1, null));
	}

	/**
	 * Run one round of a streaming call and, while the model asks for tools, the next.
	 * @param request the request of this round
	 * @param round what the rounds share
	 * @param model streams from the model
	 * @param finalResponse receives the last round folded into a response, with the cost
	 * of every round summed
	 * @param number the number of this round, from 1
	 * @param spentBefore the cost of the rounds before, or {@code null} when not known
	 * @return the chunks of this round and the next
	 */
	private Flux<ChatChunk> streamRound(ChatRequest request, Round round, Function<ChatRequest, Flux<ChatChunk>> model,
			Consumer<ChatResponse> finalResponse, int number, @Nullable BigDecimal spentBefore) {
		ChatStreamAggregator aggregator = new ChatStreamAggregator(this.provider);
		return model.apply(request).doOnNext(aggregator::add).concatWith(Flux.defer(() -> {
			ChatResponse response = aggregator.toResponse();
			BigDecimal spent = sum(spentBefore, response.cost());
			if (round.isAnswer(response)) {
				finalResponse.accept((number > 1 && spent != null) ? response.withCost(spent) : response);
				return Flux.empty();
			}
			return nextRequest(request, response, round, number)
				.flatMapMany((next) -> streamRound(next, round, model, finalResponse, number + 1, spent));
		}));
	}

	private Mono<ChatRequest> nextRequest(ChatRequest request, ChatResponse response, Round round, int number) {
		List<ToolCall> calls = response.toolCalls();
		if (number >= this.options.maxRounds()) {
			return Mono
				.error(new ToolLimitExceededException(this.provider, MAX_ROUNDS_PROPERTY, this.options.maxRounds(),
						"the model still asked for tools after " + number + " rounds (" + MAX_ROUNDS_PROPERTY + " is "
								+ this.options.maxRounds() + "); the calls were "
								+ ToolNames.quoted(names(calls, 20))));
		}
		if (calls.size() > this.options.maxCallsPerRound()) {
			return Mono.error(new ToolLimitExceededException(this.provider, MAX_CALLS_PER_ROUND_PROPERTY,
					this.options.maxCallsPerRound(),
					"the model asked for " + calls.size() + " tool calls in one turn, more than "
							+ MAX_CALLS_PER_ROUND_PROPERTY + " (" + this.options.maxCallsPerRound()
							+ "); none of them was run"));
		}
		ChatMessage assistant = response.message();
		Failures failures = new Failures();
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> execute(call, round, failures), this.options.maxConcurrency())
			.collectList()
			.doOnNext((results) -> failures.summarize(calls.size(), this.provider))
			.map((results) -> {
				List<ChatMessage> messages = new ArrayList<>(request.messages());
				messages.add(assistant);
				messages.addAll(results);
				return new ChatRequest(messages, afterFirstRound(request.options()));
			});
	}

	private Mono<ChatMessage> execute(ToolCall call, Round round, Failures failures) {
		ToolCallback tool = round.tools().get(call.name());
		Mono<String> result = (tool != null)
				? this.listener.observe(call.name(),
						Mono.defer(() -> tool.call(call.arguments(), round.context())).timeout(this.options.timeout()))
				: Mono.error(new UnknownToolException(call.name(), round.tools().keySet()));
		return result.onErrorResume((ex) -> onToolError(call, ex, failures))
			.map((text) -> ChatMessage.tool(call.id(), text));
	}

	private Mono<String> onToolError(ToolCall call, Throwable failure, Failures failures) {
		String tool = "tool " + ToolNames.quoted(call.name());
		if (!this.options.returnErrorsToModel()) {
			String description = (failure instanceof TimeoutException)
					? tool + " did not finish within " + this.options.timeout().toMillis() + " ms"
					: this.redactor.redact(ToolErrorConverter.neutralMessage(call.name(), failure));
			return Mono.error(new ToolExecutionException(this.provider, call.name(), description, failure));
		}
		failures.log(tool, this.provider,
				() -> ToolNames.json(this.redactor.redact(failure.toString()), MAX_LOGGED_FAILURE_LENGTH));
		return Mono.just(this.redactor.redact(modelText(call, failure)));
	}

	private String modelText(ToolCall call, Throwable failure) {
		try {
			return this.errorConverter.convert(call.name(), failure);
		}
		catch (RuntimeException ex) {
			logger.warn("The ToolErrorConverter failed for tool {} of provider '{}'; the model gets the neutral text",
					ToolNames.quoted(call.name()), this.provider, ex);
			return ToolErrorConverter.neutral().convert(call.name(), failure);
		}
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

	/**
	 * The names of the tools the request offers as bare definitions, which the caller
	 * runs.
	 * @param request the request, whose options may offer tool definitions
	 * @param tools the tools this loop runs
	 * @return the names of the offered definitions that no tool of the loop has
	 */
	private static Set<String> callerTools(ChatRequest request, List<ToolCallback> tools) {
		List<ToolDefinition> definitions = request.options().tools();
		if (definitions == null || definitions.isEmpty()) {
			return Set.of();
		}
		Set<String> callbacks = new HashSet<>();
		tools.forEach((tool) -> callbacks.add(tool.name()));
		return definitions.stream()
			.map(ToolDefinition::name)
			.filter((name) -> !callbacks.contains(name))
			.collect(Collectors.toUnmodifiableSet());
	}

	private static ChatOptions afterFirstRound(ChatOptions options) {
		ToolChoice choice = options.toolChoice();
		if (choice != null
				&& (choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.FUNCTION)) {
			return options.mutate().toolChoice(ToolChoice.auto()).build();
		}
		return options;
	}

	private static Map<String, ToolCallback> byName(List<ToolCallback> tools) {
		Map<String, ToolCallback> byName = new LinkedHashMap<>();
		for (ToolCallback tool : tools) {
			ToolCallback existing = byName.putIfAbsent(tool.name(), tool);
			if (existing != null && existing != tool) {
				throw new ToolDeclarationException(
						"Two tools offered to one call are named '" + tool.name() + "': " + existing + " and " + tool);
			}
		}
		return byName;
	}

	private static List<String> names(List<ToolCall> calls, int max) {
		List<String> names = calls.stream().limit(max).map(ToolCall::name).toList();
		if (calls.size() <= max) {
			return names;
		}
		List<String> shown = new ArrayList<>(names);
		shown.add("… " + (calls.size() - max) + " more");
		return shown;
	}

	/**
	 * What every round of one call shares: the tools by name, the names the caller runs
	 * itself, the tool context.
	 */
	private record Round(Map<String, ToolCallback> tools, Set<String> callerTools, ToolContext context) {

		/**
		 * Whether the response ends the loop: no tool calls, or a call of a tool the
		 * caller runs.
		 * @param response the response of this round
		 * @return whether the response goes back to the caller as the answer
		 */
		boolean isAnswer(ChatResponse response) {
			List<ToolCall> calls = response.toolCalls();
			return calls.isEmpty() || (!this.callerTools.isEmpty()
					&& calls.stream().anyMatch((call) -> this.callerTools.contains(call.name())));
		}

	}

	/**
	 * The failed calls of one round, so that the first is logged at WARN and the others
	 * at DEBUG.
	 */
	private static final class Failures {

		private final AtomicInteger count = new AtomicInteger();

		void log(String tool, String provider, Supplier<String> failure) {
			if (this.count.incrementAndGet() == 1) {
				logger.warn("The call of {} of provider '{}' failed; the error goes back to the model: {}", tool,
						provider, failure.get());
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("The call of {} of provider '{}' failed; the error goes back to the model: {}", tool,
						provider, failure.get());
			}
		}

		void summarize(int calls, String provider) {
			int failed = this.count.get();
			if (failed > 1) {
				logger.warn(
						"{} of {} tool calls of one turn of provider '{}' failed; the first was logged at WARN,"
								+ " the others at DEBUG (logger {})",
						failed, calls, provider, ToolCallingLoop.class.getName());
			}
		}

	}

}
