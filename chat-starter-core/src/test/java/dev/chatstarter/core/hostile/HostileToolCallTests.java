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

package dev.chatstarter.core.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.Bounded;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.internal.tool.ToolCallingLoop;
import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolErrorException;
import dev.chatstarter.core.tool.ToolExecutionException;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolLimitExceededException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A hostile or broken model against the tool-call loop, on a loopback WireMock provider:
 * floods of tool calls, tools whose failures carry secrets, lossy arguments, recursive
 * tools and made-up tool names that try to forge log lines.
 */
class HostileToolCallTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String API_KEY = "sk-hostile-Zx9Qw8Er7Ty6Ui5Op4As3Df2";

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final String FINAL_ANSWER = """
			{"id":"r2","choices":[{"index":0,"message":{"role":"assistant","content":"done"},"finish_reason":"stop"}]}""";

	private static WireMockServer wireMock;

	private final ListAppender<ILoggingEvent> loopLog = new ListAppender<>();

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		wireMock.start();
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@BeforeEach
	void reset() {
		wireMock.resetAll();
		this.loopLog.start();
		loopLogger().addAppender(this.loopLog);
		loopLogger().setLevel(Level.DEBUG);
	}

	@AfterEach
	void detachLog() {
		loopLogger().detachAppender(this.loopLog);
		loopLogger().setLevel(null);
	}

	private static Logger loopLogger() {
		return (Logger) LoggerFactory.getLogger(ToolCallingLoop.class);
	}

	private static ChatTemplate.Builder template() {
		return ChatTemplate.builder()
			.provider("hostile")
			.baseUrl("http://127.0.0.1:" + wireMock.port() + "/v1")
			.apiKey(API_KEY)
			.defaultOptions((options) -> options.model("gpt-4o"))
			.retryPolicy(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2), 0.5));
	}

	private static String toolCallAnswer(List<String> calls) {
		return "{\"id\":\"r1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
				+ "\"tool_calls\":[" + String.join(",", calls) + "]},\"finish_reason\":\"tool_calls\"}]}";
	}

	private static String call(String id, String name, String arguments) {
		return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":" + JSON.writeValueAsString(name)
				+ ",\"arguments\":" + JSON.writeValueAsString(arguments) + "}}";
	}

	private static List<String> calls(int count, String name, String arguments) {
		return IntStream.range(0, count).mapToObj((i) -> call("call_" + i, name, arguments)).toList();
	}

	private static void stubRounds(List<String> calls) {
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(okJson(toolCallAnswer(calls))));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(okJson(FINAL_ANSWER)));
	}

	private static String streamedCalls(int count, String name) {
		String calls = IntStream.range(0, count)
			.mapToObj((i) -> "{\"index\":" + i + ",\"id\":\"c" + i
					+ "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"{}\"}}")
			.collect(Collectors.joining(","));
		return "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[" + calls
				+ "]}}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
				+ "data: [DONE]\n\n";
	}

	private static void stubStream(String body) {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
	}

	private static List<String> toolResults() {
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		JsonNode messages = JSON.readTree(requests.get(requests.size() - 1).getBodyAsString()).get("messages");
		List<String> results = new ArrayList<>();
		for (JsonNode message : messages) {
			if (message.get("role").asString().equals("tool")) {
				results.add(message.get("content").asString());
			}
		}
		return results;
	}

	private List<ILoggingEvent> warnings() {
		return this.loopLog.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
	}

	// C8: calls per round and concurrency

	@Test
	void threeThousandCallsInOneTurnFailTheCallBeforeAnyToolRuns() {
		CountingTools tools = new CountingTools();
		stubRounds(calls(3000, "count", "{}"));

		ToolLimitExceededException ex = Bounded.call(BOUND, () -> catchThrowableOfType(ToolLimitExceededException.class,
				() -> template().build().prompt("hi").toolsFrom(tools).call().content()));

		assertThat(ex).isNotNull();
		assertThat(ex.getProperty()).isEqualTo("chat.tools.max-calls-per-round");
		assertThat(ex.getLimit()).isEqualTo(64);
		assertThat(ex.getMessage()).contains("3000 tool calls").contains("chat.tools.max-calls-per-round (64)");
		assertThat(tools.executions).as("no tool of the turn ran").hasValue(0);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void tooManyCallsInAStreamedTurnFailTheStreamBeforeAnyToolRuns() {
		CountingTools tools = new CountingTools();
		stubStream(streamedCalls(100, "count"));

		StepVerifier.create(template().build().prompt("hi").toolsFrom(tools).stream().content())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ToolLimitExceededException.class)
				.hasMessageContaining("100 tool calls"))
			.verify(BOUND);
		assertThat(tools.executions).hasValue(0);
	}

	@Test
	void callsAtTheCapRunAtMostEightAtOnce() {
		CountingTools tools = new CountingTools();
		stubRounds(calls(64, "slow", "{}"));

		String answer = Bounded.call(BOUND, () -> template().build().prompt("hi").toolsFrom(tools).call().content());

		assertThat(answer).isEqualTo("done");
		assertThat(tools.executions).hasValue(64);
		assertThat(tools.maxConcurrent.get()).as("max-concurrency").isLessThanOrEqualTo(8).isGreaterThan(1);
		assertThat(toolResults()).hasSize(64);
	}

	@Test
	void concurrencyAndCallLimitsAreConfigurable() {
		CountingTools tools = new CountingTools();
		stubRounds(calls(6, "slow", "{}"));
		ChatTemplate template = template()
			.toolExecution(new ToolExecutionOptions(10, true, Duration.ofSeconds(10), 6, 2))
			.build();

		Bounded.run(BOUND, () -> template.prompt("hi").toolsFrom(tools).call().content());
		assertThat(tools.maxConcurrent.get()).isLessThanOrEqualTo(2);

		wireMock.resetAll();
		stubRounds(calls(7, "slow", "{}"));
		assertThatExceptionOfType(ToolLimitExceededException.class)
			.isThrownBy(() -> template.prompt("hi").toolsFrom(tools).call().content())
			.withMessageContaining("7 tool calls");
	}

	@Test
	void repeatedToolFailuresDoNotFloodTheLog() {
		stubRounds(calls(64, "fail", "{}"));

		Bounded.run(BOUND, () -> template().build().prompt("hi").toolsFrom(new FailingTools()).call().content());

		assertThat(toolResults()).hasSize(64);
		assertThat(warnings()).as("the first failure and a summary").hasSize(2);
		assertThat(warnings().get(1).getFormattedMessage()).contains("64 of 64 tool calls");
		assertThat(this.loopLog.list.stream().filter((event) -> event.getLevel() == Level.DEBUG)).hasSize(63);
	}

	// C9: what the model sees of a failure

	@Test
	void exceptionMessagesOfToolsNeverReachTheModel() {
		stubRounds(List.of(call("call_1", "fail", "{}")));

		Bounded.run(BOUND, () -> template().build().prompt("hi").toolsFrom(new FailingTools()).call().content());

		String result = toolResults().get(0);
		assertThat(result).isEqualTo("{\"error\":\"tool 'fail' failed with IllegalStateException\"}")
			.doesNotContain("hunter2")
			.doesNotContain("jdbc");
		assertThat(warnings().get(0).getFormattedMessage()).doesNotContain(API_KEY);
	}

	@Test
	void argumentErrorsAreInPlainWordsWithoutJavaOrJacksonInternals() {
		stubRounds(List.of(call("c1", "weather", "{\"location\":\"北京\",\"unit\":\"kelvin\"}"),
				call("c2", "weather", "{\"unit\":\"celsius\"}"), call("c3", "order", "{\"amount\":3.9}"),
				call("c4", "weather", "{\"location\":123}"), call("c5", "order", "{\"amount\":\"3\"}")));

		Bounded.run(BOUND, () -> template().build().prompt("hi").toolsFrom(new ArgumentTools()).call().content());

		List<String> errors = toolResults().stream()
			.map((result) -> JSON.readTree(result).get("error").asString())
			.toList();
		assertThat(errors).containsExactly(
				"Invalid arguments for tool 'weather': 'unit' must be one of [celsius, fahrenheit], got \"kelvin\"",
				"Invalid arguments for tool 'weather': 'location' is required",
				"Invalid arguments for tool 'order': 'amount' must be an integer, got 3.9",
				"Invalid arguments for tool 'weather': 'location' must be a string, got 123",
				"Invalid arguments for tool 'order': 'amount' must be an integer, got \"3\"");
		assertThat(String.join("\n", errors)).doesNotContain("dev.chatstarter")
			.doesNotContain("jackson")
			.doesNotContain("$")
			.doesNotContain("Cannot deserialize");
	}

	// C16: conversion off the event loop

	@Test
	void argumentsAreConvertedOffTheEventLoop() {
		ArgumentTools tools = new ArgumentTools();
		Parcel.threads.clear();
		stubRounds(List.of(call("c1", "ship", "{\"parcel\":{\"weight\":2}}"),
				call("c2", "reactiveShip", "{\"parcel\":{\"weight\":3}}")));

		Bounded.run(BOUND, () -> template().build().prompt("hi").toolsFrom(tools).call().content());

		assertThat(Parcel.threads).hasSize(2)
			.allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic")
				.doesNotContain("reactor-http")
				.doesNotContain("nio")
				.doesNotContain("epoll"));
		assertThat(toolResults()).containsExactly("2", "3");
	}

	// C17: a tool that throws an Error

	@Test
	void toolThatOverflowsItsStackFailsItsCallAtOnce() {
		stubRounds(List.of(call("c1", "recurse", "{}"), call("c2", "link", "{}"), call("c3", "oom", "{}")));
		ChatTemplate template = template().toolExecution(new ToolExecutionOptions(10, true, Duration.ofSeconds(60)))
			.build();

		String answer = Bounded.call(Duration.ofSeconds(10),
				() -> template.prompt("hi").toolsFrom(new ErrorTools()).call().content());

		assertThat(answer).isEqualTo("done");
		assertThat(toolResults()).containsExactly("{\"error\":\"tool 'recurse' failed with StackOverflowError\"}",
				"{\"error\":\"tool 'link' failed with NoClassDefFoundError\"}",
				"{\"error\":\"tool 'oom' failed with OutOfMemoryError\"}");
	}

	@Test
	void toolThatOverflowsItsStackFailsTheCallWithATypedExceptionWhenErrorsAreNotReturned() {
		stubRounds(List.of(call("c1", "recurse", "{}")));
		ChatTemplate template = template().toolExecution(new ToolExecutionOptions(10, false, Duration.ofSeconds(60)))
			.build();

		Bounded.run(Duration.ofSeconds(10),
				() -> assertThatExceptionOfType(ToolExecutionException.class)
					.isThrownBy(() -> template.prompt("hi").toolsFrom(new ErrorTools()).call().content())
					.withMessageContaining("tool 'recurse' failed with StackOverflowError")
					.havingCause()
					.isInstanceOf(ToolErrorException.class)
					.withCauseInstanceOf(StackOverflowError.class));
	}

	// C12: model-made tool names

	@Test
	void madeUpToolNamesCannotForgeLogLinesOrErrorTexts() {
		String forged = "count\n2026-12-01T00:00:00.000Z  INFO 1 --- [main] d.c.s.FORGED : user admin logged in";
		stubRounds(List.of(call("c1", forged, "{}")));

		Bounded.run(BOUND, () -> template().build().prompt("hi").toolsFrom(new CountingTools()).call().content());

		String error = JSON.readTree(toolResults().get(0)).get("error").asString();
		assertThat(error).startsWith("Unknown tool \"count\\n2026-12-01").doesNotContain("\n").doesNotContain("\r");
		assertThat(this.loopLog.list).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain("\n").doesNotContain("\r"));

		wireMock.resetAll();
		stubRounds(List.of(call("c1", forged, "{}")));
		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> template().toolExecution(new ToolExecutionOptions(10, false, Duration.ofSeconds(5)))
				.build()
				.prompt("hi")
				.toolsFrom(new CountingTools())
				.call()
				.content())
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n").contains("\\n2026-12-01"));
	}

	// S5: tools the caller runs itself

	@Test
	void callOfAToolOfferedOnlyAsADefinitionIsReturnedToTheCaller() {
		ToolDefinition search = new ToolDefinition("web_search", "Search the web",
				Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string"))), null);
		CountingTools tools = new CountingTools();
		stubRounds(List.of(call("c1", "web_search", "{\"q\":\"x\"}"), call("c2", "count", "{}")));

		ChatResponse response = Bounded.call(BOUND,
				() -> template().build()
					.prompt("hi")
					.toolsFrom(tools)
					.options((options) -> options.tools(List.of(search)))
					.call()
					.response());

		assertThat(response.toolCalls()).extracting((call) -> call.name()).containsExactly("web_search", "count");
		assertThat(tools.executions).as("the turn is the caller's").hasValue(0);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void streamedCallOfAToolOfferedOnlyAsADefinitionIsReturnedToTheCaller() {
		ToolDefinition search = new ToolDefinition("web_search", "Search the web", Map.of("type", "object"), null);
		stubStream(streamedCalls(1, "web_search"));

		ChatResponse response = template().build()
			.prompt("hi")
			.toolsFrom(new CountingTools())
			.options((options) -> options.tools(List.of(search)))
			.stream()
			.response()
			.block(BOUND);

		assertThat(response).isNotNull();
		assertThat(response.toolCalls()).extracting((call) -> call.name()).containsExactly("web_search");
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	// S7: the round limit names its property

	@Test
	void roundLimitNamesItsProperty() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(toolCallAnswer(calls(1, "count", "{}")))));
		ChatTemplate template = template().toolExecution(new ToolExecutionOptions(2, true, Duration.ofSeconds(5)))
			.build();

		Bounded.run(BOUND,
				() -> assertThatExceptionOfType(ToolLimitExceededException.class)
					.isThrownBy(() -> template.prompt("hi").toolsFrom(new CountingTools()).call().content())
					.withMessageContaining("chat.tools.max-rounds is 2")
					.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chat.tools.max-rounds")));
	}

	static class CountingTools {

		final AtomicInteger executions = new AtomicInteger();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		@ChatTool
		String count() {
			return String.valueOf(this.executions.incrementAndGet());
		}

		@ChatTool
		String slow() throws InterruptedException {
			this.executions.incrementAndGet();
			int now = this.running.incrementAndGet();
			this.maxConcurrent.accumulateAndGet(now, Math::max);
			try {
				Thread.sleep(20);
			}
			finally {
				this.running.decrementAndGet();
			}
			return "ok";
		}

	}

	static class FailingTools {

		@ChatTool
		String fail() {
			throw new IllegalStateException("jdbc:postgresql://db.internal:5432/prod?user=app&password=hunter2 failed"
					+ " for key " + API_KEY + "\nFORGED");
		}

	}

	static class ArgumentTools {

		@ChatTool
		String weather(String location, Unit unit) {
			return location + unit;
		}

		@ChatTool
		String order(int amount) {
			return String.valueOf(amount);
		}

		@ChatTool
		String ship(Parcel parcel) {
			return String.valueOf(parcel.weight());
		}

		@ChatTool
		reactor.core.publisher.Mono<String> reactiveShip(Parcel parcel) {
			return reactor.core.publisher.Mono.just(String.valueOf(parcel.weight()));
		}

		enum Unit {

			CELSIUS, FAHRENHEIT;

			@com.fasterxml.jackson.annotation.JsonValue
			String json() {
				return name().toLowerCase(java.util.Locale.ROOT);
			}

		}

	}

	/**
	 * Records the thread its compact constructor runs on: user code called by Jackson.
	 */
	record Parcel(int weight) {

		static final List<String> threads = new CopyOnWriteArrayList<>();

		Parcel {
			threads.add(Thread.currentThread().getName());
		}

	}

	static class ErrorTools {

		@ChatTool
		String recurse() {
			return recurse() + "!";
		}

		@ChatTool
		String link() {
			throw new NoClassDefFoundError("com/example/Missing");
		}

		@ChatTool
		String oom() {
			long[][] hog = new long[Integer.MAX_VALUE][];
			return String.valueOf(hog.length);
		}

	}

}
