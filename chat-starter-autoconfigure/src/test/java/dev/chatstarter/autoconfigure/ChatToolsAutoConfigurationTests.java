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

package dev.chatstarter.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.autoconfigure.tool.ChatToolDiscoverer;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionException;
import dev.chatstarter.core.tool.ToolLimitExceededException;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the discovery of {@code @ChatTool} beans and the tool properties.
 */
class ChatToolsAutoConfigurationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class));

	private String provider() {
		return "chat.providers.kuai.base-url=http://127.0.0.1:" + wireMock.getPort() + "/v1";
	}

	@Test
	void discoversToolsOfComponentsBeanMethodsAndProxies() {
		this.runner.withUserConfiguration(ToolBeans.class).withPropertyValues(provider()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ChatToolDiscoverer.class).get().names())
				.containsExactlyInAnyOrder("get_current_weather", "audited_lookup", "ask_model");
		});
	}

	@Test
	void toolsOfProviderPropertiesRunThroughTheProxy() {
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id"))
			.willReturn(
					okJson("""
							{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
							  {"id":"call_1","type":"function","function":{"name":"audited_lookup","arguments":"{\\"key\\":\\"k1\\"}"}}]},
							 "finish_reason":"tool_calls"}]}""")));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(okJson(
					"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"value-k1\"},\"finish_reason\":\"stop\"}]}")));

		this.runner.withUserConfiguration(ToolBeans.class)
			.withPropertyValues(provider(), "chat.providers.kuai.tools=audited_lookup")
			.run((context) -> {
				String answer = context.getBean(ChatTemplate.class).prompt("look up k1").call().content();
				assertThat(answer).isEqualTo("value-k1");
				assertThat(context.getBean(AtomicInteger.class)).as("advice ran").hasValue(1);
				JsonNode first = JSON.readTree(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
					.get(0)
					.getBodyAsString());
				assertThat(first.get("tools")).hasSize(1);
				assertThat(first.get("tools").get(0).get("function").get("name").asString())
					.isEqualTo("audited_lookup");
			});
	}

	@Test
	void toolLoopSettingsAreBound() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(
				okJson("""
						{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
						  {"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":"{\\"location\\":\\"北京\\"}"}}]},
						 "finish_reason":"tool_calls"}]}""")));

		this.runner.withUserConfiguration(ToolBeans.class)
			.withPropertyValues(provider(), "chat.tools.max-rounds=2", "chat.providers.kuai.retry.max-attempts=1")
			.run((context) -> {
				ChatTemplate template = context.getBean(ChatTemplate.class);
				assertThatExceptionOfType(ToolExecutionException.class)
					.isThrownBy(() -> template.prompt("weather").tools("get_current_weather").call().content())
					.withMessageContaining("after 2 rounds");
				wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
			});
	}

	@Test
	void toolCallLimitsAreBound() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
				  {"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":"{}"}},
				  {"id":"call_2","type":"function","function":{"name":"get_current_weather","arguments":"{}"}}]},
				 "finish_reason":"tool_calls"}]}""")));

		this.runner.withUserConfiguration(ToolBeans.class)
			.withPropertyValues(provider(), "chat.tools.max-calls-per-round=1", "chat.tools.max-concurrency=1",
					"chat.providers.kuai.retry.max-attempts=1")
			.run((context) -> {
				ChatTemplate template = context.getBean(ChatTemplate.class);
				assertThatExceptionOfType(ToolLimitExceededException.class)
					.isThrownBy(() -> template.prompt("weather").tools("get_current_weather").call().content())
					.withMessageContaining("2 tool calls")
					.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("chat.tools.max-calls-per-round"));
			});
	}

	@Test
	void toolErrorConverterBeanDecidesWhatTheModelSees() {
		wireMock
			.stubFor(post("/v1/chat/completions").withRequestBody(notContaining("tool_call_id")).willReturn(okJson("""
					{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
					  {"id":"call_1","type":"function","function":{"name":"no_such_tool","arguments":"{}"}}]},
					 "finish_reason":"tool_calls"}]}""")));
		wireMock.stubFor(post("/v1/chat/completions").withRequestBody(containing("tool_call_id"))
			.willReturn(okJson(
					"{\"choices\":[{\"index\":0,\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}")));

		this.runner.withUserConfiguration(ToolBeans.class)
			.withBean(ToolErrorConverter.class,
					() -> (toolName, failure) -> "custom: " + failure.getClass().getSimpleName())
			.withPropertyValues(provider())
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolErrorConverter.class);
				context.getBean(ChatTemplate.class).prompt("weather").tools("get_current_weather").call().content();
				List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
				JsonNode messages = JSON.readTree(requests.get(requests.size() - 1).getBodyAsString()).get("messages");
				assertThat(messages.get(2).get("content").asString()).isEqualTo("custom: UnknownToolException");
			});
	}

	@Test
	void neutralToolErrorConverterIsTheDefault() {
		this.runner.withPropertyValues(provider())
			.run((context) -> assertThat(context).hasSingleBean(ToolErrorConverter.class));
	}

	@Test
	void invalidToolCallLimitsFailTheStartup() {
		this.runner.withPropertyValues(provider(), "chat.tools.max-calls-per-round=0", "chat.tools.max-concurrency=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("chat.tools.max-calls-per-round is 0")
					.contains("chat.tools.max-concurrency is -1");
			});
	}

	@Test
	void unknownProviderToolFailsTheStartup() {
		this.runner.withUserConfiguration(ToolBeans.class)
			.withPropertyValues(provider(), "chat.providers.kuai.tools=get_current_wether")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("chat.providers.kuai.tools")
					.contains("[get_current_wether]")
					.contains("get_current_weather");
				assertThat(analysis.getAction()).contains("Fix the names under chat.providers.kuai.tools");
			});
	}

	@Test
	void duplicateToolNamesFailTheStartup() {
		this.runner.withUserConfiguration(ToolBeans.class, DuplicateTool.class)
			.withPropertyValues(provider())
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("A chat tool cannot be declared")
					.contains("get_current_weather");
				assertThat(analysis.getAction()).contains("tool names must be unique");
			});
	}

	@Test
	void invalidMaxRoundsFailsTheStartup() {
		this.runner.withPropertyValues(provider(), "chat.tools.max-rounds=0").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("chat.tools.max-rounds is 0");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolBeans {

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

		@Bean
		AtomicInteger adviceCalls() {
			return new AtomicInteger();
		}

		@Bean
		LookupTools lookupTools(AtomicInteger adviceCalls) {
			ProxyFactory factory = new ProxyFactory(new LookupTools());
			factory.setProxyTargetClass(true);
			factory.addAdvice((MethodInterceptor) (invocation) -> {
				adviceCalls.incrementAndGet();
				return invocation.proceed();
			});
			return (LookupTools) factory.getProxy();
		}

		@Bean
		AgentTools agentTools(ObjectProvider<ChatTemplate> chat) {
			return new AgentTools(chat);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateTool {

		@Bean
		OtherWeatherTools otherWeatherTools() {
			return new OtherWeatherTools();
		}

	}

	static class WeatherTools {

		@ChatTool(name = "get_current_weather", description = "获取指定位置的当前天气")
		String weather(String location) {
			return "{\"location\":\"" + location + "\",\"temperature\":21}";
		}

	}

	static class OtherWeatherTools {

		@ChatTool(name = "get_current_weather", description = "another one")
		String weather(String location) {
			return "sunny";
		}

	}

	public static class LookupTools {

		@ChatTool(name = "audited_lookup", description = "Looks a key up")
		public String lookup(String key) {
			return "value-" + key;
		}

	}

	/**
	 * A tool bean that itself needs a ChatTemplate: discovery must not create a cycle.
	 */
	static class AgentTools {

		private final ObjectProvider<ChatTemplate> chat;

		AgentTools(ObjectProvider<ChatTemplate> chat) {
			this.chat = chat;
		}

		@ChatTool(name = "ask_model", description = "Asks the model a sub-question")
		String ask(String question) {
			return this.chat.getObject().prompt(question).call().content();
		}

	}

}
