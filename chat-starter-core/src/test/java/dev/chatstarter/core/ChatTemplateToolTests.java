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

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ToolChoice;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.MethodToolCallback;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolCallbacks;
import dev.chatstarter.core.tool.ToolContext;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionException;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolParam;
import dev.chatstarter.core.tool.ToolRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tool-call loop against WireMock, blocking and streaming.
 */
class ChatTemplateToolTests extends WireMockSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WeatherTools weatherTools = new WeatherTools();

	private ChatTemplate.Builder toolTemplate() {
		return templateBuilder().toolRegistry(ToolRegistry.of(ToolCallbacks.fromBean(this.weatherTools)));
	}

	private static String toolCallAnswer(String... callsJson) {
		return "{\"id\":\"r1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
				+ "\"reasoning_content\":\"I should call the tool\",\"tool_calls\":[" + String.join(",", callsJson)
				+ "]},\"finish_reason\":\"tool_calls\"}]}";
	}

	private static String call(String id, String name, String arguments) {
		return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
				+ JSON.writeValueAsString(arguments) + "}}";
	}

	private static final String FINAL_ANSWER = """
			{"id":"r2","choices":[{"index":0,"message":{"role":"assistant","content":"北京今天21度，晴。"},"finish_reason":"stop"}]}""";

	private void stubRounds(String firstAnswer) {
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(okJson(firstAnswer)));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(okJson(FINAL_ANSWER)));
	}

	private JsonNode lastRequestBody() {
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		return JSON.readTree(requests.get(requests.size() - 1).getBodyAsString());
	}

	private JsonNode firstRequestBody() {
		return JSON
			.readTree(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString());
	}

	@Test
	void singleToolCallRoundTrip() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"北京\",\"unit\":\"celsius\"}")));

		String answer = toolTemplate().build().prompt().user("北京今天天气怎么样").tools("get_current_weather").call().content();

		assertThat(answer).isEqualTo("北京今天21度，晴。");
		assertThat(this.weatherTools.calls).hasValue(1);
		JsonNode first = firstRequestBody();
		assertThat(first.get("tools").get(0).get("function").get("name").asString()).isEqualTo("get_current_weather");
		assertThat(first.get("tools").get(0).get("function").get("parameters").get("required").toString())
			.isEqualTo("[\"location\"]");
		JsonNode messages = lastRequestBody().get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).get("tool_calls").get(0).get("id").asString()).isEqualTo("call_1");
		assertThat(messages.get(1).has("reasoning_content")).as("not echoed by default").isFalse();
		assertThat(messages.get(2).get("role").asString()).isEqualTo("tool");
		assertThat(messages.get(2).get("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(JSON.readTree(messages.get(2).get("content").asString()).get("temperature").asInt()).isEqualTo(21);
		assertThat(lastRequestBody().get("tools")).as("tools offered in every round").hasSize(1);
	}

	@Test
	void reasoningIsEchoedForProvidersThatNeedIt() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"北京\"}")));

		toolTemplate().dialect(ProviderDialect.openAi().mutate().echoReasoningContent(true).build())
			.build()
			.prompt("北京今天天气怎么样")
			.tools("get_current_weather")
			.call()
			.content();

		assertThat(lastRequestBody().get("messages").get(1).get("reasoning_content").asString())
			.isEqualTo("I should call the tool");
	}

	@Test
	void parallelCallsOfOneTurnRunConcurrently() {
		ParallelTools tools = new ParallelTools(2);
		stubRounds(toolCallAnswer(call("call_a", "slow_lookup", "{\"key\":\"a\"}"),
				call("call_b", "slow_lookup", "{\"key\":\"b\"}")));

		templateBuilder().build().prompt("look up a and b").toolsFrom(tools).call().content();

		JsonNode messages = lastRequestBody().get("messages");
		assertThat(messages.get(2).get("tool_call_id").asString()).isEqualTo("call_a");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("a: both calls ran at the same time");
		assertThat(messages.get(3).get("tool_call_id").asString()).isEqualTo("call_b");
		assertThat(messages.get(3).get("content").asString()).isEqualTo("b: both calls ran at the same time");
	}

	@Test
	void toolThatThrowsSendsItsErrorToTheModel() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"Atlantis\"}")));

		String answer = toolTemplate().build()
			.prompt("weather in Atlantis")
			.tools("get_current_weather")
			.call()
			.content();

		assertThat(answer).isEqualTo("北京今天21度，晴。");
		String result = lastRequestBody().get("messages").get(2).get("content").asString();
		assertThat(JSON.readTree(result).get("error").asString())
			.as("the neutral default: the kind of failure, not the exception's message")
			.isEqualTo("tool 'get_current_weather' failed with IllegalArgumentException");
	}

	@Test
	void toolErrorConverterDecidesWhatTheModelSeesAndItsTextIsRedacted() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"Atlantis\"}")));
		ToolErrorConverter converter = (toolName, failure) -> "{\"error\":\"" + failure.getMessage() + " (key "
				+ API_KEY + ")\"}";

		toolTemplate().toolErrorConverter(converter)
			.build()
			.prompt("weather")
			.tools("get_current_weather")
			.call()
			.content();

		String result = lastRequestBody().get("messages").get(2).get("content").asString();
		assertThat(JSON.readTree(result).get("error").asString()).isEqualTo("No such city: Atlantis (key ******)");
	}

	@Test
	void toolThatThrowsFailsTheCallWhenConfigured() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"Atlantis\"}")));
		ChatTemplate template = toolTemplate().toolExecution(new ToolExecutionOptions(5, false, Duration.ofSeconds(5)))
			.build();

		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> template.prompt("weather in Atlantis").tools("get_current_weather").call().content())
			.withMessageContaining("tool 'get_current_weather' failed with IllegalArgumentException")
			.satisfies((ex) -> assertThat(ex.getToolName()).isEqualTo("get_current_weather"))
			.satisfies((ex) -> assertThat(ex.getCause()).hasMessage("No such city: Atlantis"));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void badArgumentsAndUnknownToolsGoBackToTheModel() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\": 这不是JSON"),
				call("call_2", "get_current_weather", "{\"unit\":\"celsius\"}"),
				call("call_3", "send_email", "{\"to\":\"x\"}")));

		toolTemplate().build().prompt("weather").tools("get_current_weather").call().content();

		JsonNode messages = lastRequestBody().get("messages");
		assertThat(messages.get(2).get("content").asString()).contains("error");
		assertThat(messages.get(3).get("content").asString()).contains("error").contains("location");
		assertThat(messages.get(4).get("content").asString()).contains("Unknown tool 'send_email'")
			.contains("get_current_weather");
		assertThat(this.weatherTools.calls).hasValue(0);
	}

	@Test
	void objectsThatAreEqualButDifferentGetTheirOwnTools() {
		DefaultChatTemplate template = (DefaultChatTemplate) template();
		UserTools alice = new UserTools("alice");
		UserTools bob = new UserTools("bob");
		assertThat(alice).isEqualTo(bob);

		List<ToolCallback> aliceTools = template.pipeline().prompts().tools().toolsOf(alice);
		List<ToolCallback> bobTools = template.pipeline().prompts().tools().toolsOf(bob);

		assertThat(((MethodToolCallback) aliceTools.get(0)).getBean()).isSameAs(alice);
		assertThat(((MethodToolCallback) bobTools.get(0)).getBean()).isSameAs(bob);
		assertThat(bobTools.get(1).call("{}").block()).isEqualTo("bob");
		assertThat(bobTools.get(0).definition().parameters().get("properties"))
			.as("the schema is built once per class, not per object")
			.isSameAs(aliceTools.get(0).definition().parameters().get("properties"));
	}

	@Test
	void perRequestToolObjectsAreNotRetained() throws InterruptedException {
		DefaultChatTemplate template = (DefaultChatTemplate) template();
		WeakReference<UserTools> perRequest = offerOnce(template);
		for (int i = 0; i < 50 && perRequest.get() != null; i++) {
			System.gc();
			Thread.sleep(10);
		}
		assertThat(perRequest.get()).as("collected once the request is over").isNull();
	}

	private static WeakReference<UserTools> offerOnce(DefaultChatTemplate template) {
		UserTools tools = new UserTools("carol");
		assertThat(template.pipeline().prompts().tools().toolsOf(tools)).hasSize(2);
		return new WeakReference<>(tools);
	}

	@Test
	void roundLimitEndsALoopThatWouldNeverStop() {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(okJson(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"北京\"}")))));
		ChatTemplate template = toolTemplate().toolExecution(new ToolExecutionOptions(3, true, Duration.ofSeconds(5)))
			.build();

		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> template.prompt("weather").tools("get_current_weather").call().content())
			.withMessageContaining("after 3 rounds");
		wireMock.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void forcedToolChoiceAppliesToTheFirstRoundOnly() {
		stubRounds(toolCallAnswer(call("call_1", "get_current_weather", "{\"location\":\"北京\"}")));

		toolTemplate().build()
			.prompt("weather")
			.tools("get_current_weather")
			.options((o) -> o.toolChoice(ToolChoice.required()).parallelToolCalls(false))
			.call()
			.content();

		assertThat(firstRequestBody().get("tool_choice").asString()).isEqualTo("required");
		assertThat(firstRequestBody().get("parallel_tool_calls").asBoolean()).isFalse();
		assertThat(lastRequestBody().get("tool_choice").asString()).isEqualTo("auto");
	}

	@Test
	void defaultToolsAndToolContext() {
		stubRounds(toolCallAnswer(call("call_1", "whoami", "{}")));
		ContextTools tools = new ContextTools();

		templateBuilder().toolRegistry(ToolRegistry.of(ToolCallbacks.fromBean(tools)))
			.defaultTools("whoami")
			.build()
			.prompt("who am I?")
			.toolContext("user", "张三")
			.call()
			.content();

		assertThat(lastRequestBody().get("messages").get(2).get("content").asString()).isEqualTo("张三");
	}

	@Test
	void unknownToolNameFailsBeforeSending() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> toolTemplate().build().prompt("hi").tools("nope").call())
			.withMessageContaining("nope")
			.withMessageContaining("get_current_weather");
	}

	@Test
	void streamingLoopWithArgumentsSplitAcrossFragments() {
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(
						"""
								data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_s","type":"function","function":{"name":"get_current_weather","arguments":""}}]}}]}

								data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"loca"}}]}}]}

								data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"tion\\":\\"上海\\"}"}}]}}]}

								data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

								data: [DONE]

								""")));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
					data: {"choices":[{"index":0,"delta":{"content":"上海"}}]}

					data: {"choices":[{"index":0,"delta":{"content":"21度"},"finish_reason":"stop"}]}

					data: [DONE]

					""")));

		ChatTemplate template = toolTemplate().build();
		List<String> content = template.prompt("上海天气")
			.tools("get_current_weather")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(content).containsExactly("上海", "21度");
		assertThat(this.weatherTools.lastLocation).isEqualTo("上海");
		assertThat(lastRequestBody().get("stream").asBoolean()).isTrue();
		assertThat(lastRequestBody().get("messages").get(2).get("tool_call_id").asString()).isEqualTo("call_s");

		var response = template.prompt("上海天气").tools("get_current_weather").stream().response().block();
		assertThat(response.content()).as("the final round only").isEqualTo("上海21度");
	}

	/**
	 * Equal to every other instance, as a careless equals may be; each binds its own
	 * user.
	 */
	static final class UserTools {

		private final String user;

		UserTools(String user) {
			this.user = user;
		}

		@ChatTool
		String greet(String greeting) {
			return greeting + " " + this.user;
		}

		@ChatTool
		String whoami() {
			return this.user;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof UserTools;
		}

		@Override
		public int hashCode() {
			return 1;
		}

	}

	static class WeatherTools {

		final AtomicInteger calls = new AtomicInteger();

		volatile @Nullable String lastLocation;

		@ChatTool(name = "get_current_weather", description = "获取指定位置的当前天气")
		Weather currentWeather(@ToolParam(description = "城市名称") String location, @Nullable Unit unit) {
			if (location.equals("Atlantis")) {
				throw new IllegalArgumentException("No such city: " + location);
			}
			this.calls.incrementAndGet();
			this.lastLocation = location;
			return new Weather(location, 21, (unit != null) ? unit : Unit.CELSIUS);
		}

		enum Unit {

			@JsonProperty("celsius")
			CELSIUS,

			@JsonProperty("fahrenheit")
			FAHRENHEIT

		}

		record Weather(String location, int temperature, Unit unit) {
		}

	}

	static class ParallelTools {

		private final CountDownLatch started;

		ParallelTools(int calls) {
			this.started = new CountDownLatch(calls);
		}

		@ChatTool(name = "slow_lookup", description = "Looks a key up slowly")
		String lookup(String key) throws InterruptedException {
			this.started.countDown();
			boolean together = this.started.await(5, TimeUnit.SECONDS);
			return key + (together ? ": both calls ran at the same time" : ": ran alone");
		}

	}

	static class ContextTools {

		@ChatTool(name = "whoami", description = "Tells who the current user is")
		String whoami(ToolContext context) {
			return String.valueOf(context.get("user"));
		}

	}

}
