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

package dev.chatstarter.test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ResponseFormat;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.ToolDefinition;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline demo provider, {@link DemoResponder}, as the default behaviour of
 * {@link FakeChatServer}, driven by the core's {@link ChatTemplate}.
 */
class DemoResponderTests extends FakeChatServerSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The sample's tool, as in seed 000. */
	static final ToolDefinition WEATHER = ToolDefinition.of("get_current_weather", "Get the current weather",
			Map.of("type", "object", "properties",
					Map.of("location", Map.of("type", "string"), "unit",
							Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
					"required", List.of("location")));

	/** The math schema of seed 000. */
	static final Map<String, Object> MATH_SCHEMA = Map.of("type", "object", "properties",
			Map.of("steps",
					Map.of("type", "array", "items", Map.of("type", "object", "properties",
							Map.of("explanation", Map.of("type", "string"), "output", Map.of("type", "string")))),
					"final_answer", Map.of("type", "string")));

	@Test
	void echoesTheLastUserMessageWithWordCountUsage() {
		ChatResponse response = template().prompt().system("You are helpful").user("你好, world").call().response();

		assertThat(response.content()).isEqualTo("Echo from the offline demo provider: 你好, world");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(7, 10, 17));
	}

	@Test
	void echoMentionsAttachedImages() {
		String content = template().prompt()
			.user((user) -> user.text("Describe")
				.image(java.net.URI.create("https://example.com/a.png"))
				.image(java.net.URI.create("https://example.com/b.png")))
			.call()
			.content();

		assertThat(content).isEqualTo("Echo from the offline demo provider: Describe (with 2 images)");
	}

	@Test
	void streamsWordByWord() {
		StepVerifier.create(template().prompt("Tell me a story").stream().content())
			.expectNext("Echo", " from", " the", " offline", " demo", " provider:", " Tell", " me", " a", " story")
			.verifyComplete();
	}

	@Test
	void weatherToolRoundTrip() {
		ChatTemplate chat = templateBuilder().defaultOptions((options) -> options.tools(WEATHER)).build();
		List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.user("What's the weather in Paris?")));

		ChatResponse first = chat.prompt().messages(conversation).call().response();

		assertThat(first.finishReason()).isEqualTo("tool_calls");
		assertThat(first.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.name()).isEqualTo("get_current_weather");
			assertThat(JSON.readTree(call.arguments()))
				.isEqualTo(JSON.readTree("{\"location\":\"Paris\",\"unit\":\"celsius\"}"));
		});
		ToolCall call = first.toolCalls().get(0);
		conversation.add(first.message());
		conversation.add(ChatMessage.tool(call.id(),
				"{\"location\":\"Paris\",\"temperature\":22,\"unit\":\"celsius\",\"description\":\"sunny\"}"));

		ChatResponse second = chat.prompt().messages(conversation).call().response();

		assertThat(second.finishReason()).isEqualTo("stop");
		assertThat(second.content()).isEqualTo("According to get_current_weather, the location is Paris, "
				+ "the temperature is 22, the unit is celsius and the description is sunny.");
		assertThat(server.takeRequest().toolNames()).containsExactly("get_current_weather");
		assertThat(server.takeRequest().endsWithToolResult()).isTrue();
	}

	@Test
	void streamedWeatherToolCallInChinese() {
		ChatTemplate chat = templateBuilder().defaultOptions((options) -> options.tools(WEATHER)).build();

		ChatResponse response = chat.prompt("北京今天天气怎么样").stream().response().block();

		assertThat(response.toolCalls()).singleElement()
			.satisfies((call) -> assertThat(JSON.readTree(call.arguments()))
				.isEqualTo(JSON.readTree("{\"location\":\"北京\",\"unit\":\"celsius\"}")));
	}

	@Test
	void noToolCallWithoutTheToolOrAWeatherQuestion() {
		ChatTemplate withTool = templateBuilder().defaultOptions((options) -> options.tools(WEATHER)).build();

		assertThat(template().prompt("What's the weather in Paris?").call().response().toolCalls()).isEmpty();
		assertThat(withTool.prompt("Tell me a joke").call().content())
			.isEqualTo("Echo from the offline demo provider: Tell me a joke");
	}

	@Test
	void plainTextToolResultsAreQuoted() {
		ChatResponse response = template().prompt()
			.user("Weather?")
			.message(ChatMessage.assistant(null, List.of(new ToolCall("call_9", "get_current_weather", "{}"))))
			.message(ChatMessage.tool("call_9", "Sunny, 22 °C"))
			.call()
			.response();

		assertThat(response.content()).isEqualTo("According to get_current_weather: Sunny, 22 °C.");
	}

	@Test
	void jsonSchemaMathExampleIsSolvedExactly() {
		String content = template().prompt()
			.system("你是一个数学老师")
			.user("求解方程: 8x + 31 = 2")
			.options((options) -> options.responseFormat(ResponseFormat.jsonSchema("math_answer", MATH_SCHEMA)))
			.call()
			.content();

		assertThat(JSON.readTree(content)).isEqualTo(JSON.readTree("""
				{"steps":[
				  {"explanation":"Start from the equation.","output":"8x + 31 = 2"},
				  {"explanation":"Subtract 31 from both sides.","output":"8x = -29"},
				  {"explanation":"Divide both sides by 8.","output":"x = -29/8"}],
				 "final_answer":"x = -29/8"}"""));
	}

	@Test
	void seedShapedJsonSchemaIsStreamedAndSolved() {
		String body = """
				{"model":"gpt-4o","messages":[{"role":"user","content":"求解方程: 8x + 31 = 2"}],"stream":true,
				 "response_format":{"type":"json_schema","json_schema":%s}}"""
			.formatted(JSON.writeValueAsString(MATH_SCHEMA));

		String events = post("/v1/chat/completions", body).body();

		StringBuilder content = new StringBuilder();
		int fragments = 0;
		for (String event : events.split("\n\n")) {
			JsonNode delta = event.equals("data: [DONE]") ? null
					: JSON.readTree(event.substring(6)).path("choices").path(0).path("delta").get("content");
			if (delta != null && delta.isString() && !delta.stringValue().isEmpty()) {
				content.append(delta.stringValue());
				fragments++;
			}
		}
		assertThat(fragments).isGreaterThan(1);
		assertThat(JSON.readTree(content.toString()).path("final_answer").stringValue()).isEqualTo("x = -29/8");
	}

	@Test
	void otherSchemasGetAConformingValue() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string"), "population", Map.of("type", "integer", "minimum", 1000),
						"mood", Map.of("type", "string", "enum", List.of("happy", "sad")), "tags",
						Map.of("type", "array", "items", Map.of("type", "string")), "capital",
						Map.of("type", "boolean")));

		String content = template().prompt("Describe Paris")
			.options((options) -> options.responseFormat(ResponseFormat.jsonSchema("city", schema)))
			.call()
			.content();

		assertThat(JSON.readTree(content)).isEqualTo(JSON.readTree("""
				{"city":"demo city","population":1000,"mood":"happy","tags":["demo tags"],"capital":true}"""));
	}

	@Test
	void jsonObjectAnswersJson() {
		String echo = template().prompt("Give me json")
			.options((options) -> options.responseFormat(ResponseFormat.jsonObject()))
			.call()
			.content();
		String solved = template().prompt("Solve 3x - 7 = x + 5 as json")
			.options((options) -> options.responseFormat(ResponseFormat.jsonObject()))
			.call()
			.content();

		assertThat(JSON.readTree(echo).path("message").stringValue())
			.isEqualTo("Echo from the offline demo provider: Give me json");
		assertThat(JSON.readTree(solved).path("final_answer").stringValue()).isEqualTo("x = 6");
	}

	@Test
	void modelsAndImages() {
		List<ModelInfo> models = template().models();
		ImageResult urls = template().images().generate(ImageRequest.builder("a cat").n(2).build());
		ImageResult base64 = template().images()
			.generate(ImageRequest.builder("a cat").responseFormat("b64_json").build());

		assertThat(models).extracting(ModelInfo::id).containsExactlyElementsOf(DemoResponder.MODELS);
		assertThat(urls.images()).extracting(ImageResult.GeneratedImage::url)
			.containsExactly("https://example.invalid/demo/1.png", "https://example.invalid/demo/2.png");
		assertThat(base64.images()).singleElement().satisfies((image) -> {
			assertThat(image.url()).isNull();
			byte[] png = Base64.getDecoder().decode(image.b64Json());
			assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
		});
	}

	@Test
	void unitTestableWithoutAServer() {
		FakeResponse response = new DemoResponder().respond(RecordedRequest.chatCompletion(
				"""
						{"messages":[{"role":"user","content":"How warm is it in Springfield today, in fahrenheit? temperature please"}],
						 "tools":[{"type":"function","function":{"name":"get_current_weather","parameters":{}}}]}"""));

		assertThat(response.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_demo_1");
			assertThat(JSON.readTree(call.arguments()))
				.isEqualTo(JSON.readTree("{\"location\":\"Springfield\",\"unit\":\"fahrenheit\"}"));
		});
	}

}
