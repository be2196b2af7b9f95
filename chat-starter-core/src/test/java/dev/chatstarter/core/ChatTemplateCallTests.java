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

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;
import reactor.test.StepVerifier;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.ToolCall;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelInfo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blocking and reactive calls against WireMock fixtures of the seed providers' documented
 * wire format.
 */
class ChatTemplateCallTests extends WireMockSupport {

	static final String SEED_000_RESPONSE = """
			{
			  "id": "chatcmpl-123",
			  "object": "chat.completion",
			  "created": 1677652288,
			  "choices": [{
			    "index": 0,
			    "message": {
			      "role": "assistant",
			      "content": "响应内容"
			    },
			    "finish_reason": "stop"
			  }],
			  "usage": {
			    "prompt_tokens": 9,
			    "completion_tokens": 12,
			    "total_tokens": 21
			  }
			}""";

	@Test
	void seed000BasicCallSendsExactlyTheDocumentedBody() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model": "gpt-4o", "messages": [{"role": "user", "content": "你好"}]}""", false, false))
			.willReturn(okJson(SEED_000_RESPONSE)));

		ChatResponse response = template().prompt().user("你好").call().response();

		assertThat(response.content()).isEqualTo("响应内容");
		assertThat(response.provider()).isEqualTo("aigc");
		assertThat(response.id()).isEqualTo("chatcmpl-123");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(Usage.of(9, 12, 21));
	}

	@Test
	void systemUserAndOptionsOverrideDefaults() {
		wireMock.stubFor(post("/v1/chat/completions")
			.withRequestBody(equalToJson("""
					{"model":"gpt-4.1","temperature":0.2,"max_tokens":300,
					 "messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"你好"}]}""",
					false, false))
			.willReturn(
					okJson("""
							{"id":"chatcmpl-xxx","object":"chat.completion","created":1741569952,"model":"gpt-4.1-2025-04-14",
							 "choices":[{"index":0,"message":{"role":"assistant","content":"你好!"},"finish_reason":"stop"}]}""")));

		ChatResponse response = template().prompt()
			.system("You are terse.")
			.user("你好")
			.options((o) -> o.model("gpt-4.1").temperature(0.2).maxTokens(300))
			.call()
			.response();

		assertThat(response.model()).isEqualTo("gpt-4.1-2025-04-14");
		assertThat(response.content()).isEqualTo("你好!");
	}

	@Test
	void defaultHeadersAndBaseUrlWithoutV1() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("X-Team", equalTo("search"))
			.willReturn(okJson(SEED_000_RESPONSE)));
		ChatTemplate template = templateBuilder().baseUrl(baseUrl() + "/").defaultHeader("X-Team", "search").build();

		assertThat(template.prompt("你好").call().content()).isEqualTo("响应内容");
	}

	@Test
	void noAuthorizationHeaderWithoutApiKey() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(SEED_000_RESPONSE)));
		templateBuilder().apiKey(null).build().prompt("hi").call().content();
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withoutHeader("Authorization"));
	}

	@Test
	void reactiveCallSendsNothingUntilSubscribed() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(SEED_000_RESPONSE)));
		var content = template().prompt("你好").call().contentMono();
		assertThat(wireMock.getAllServeEvents()).isEmpty();
		StepVerifier.create(content).expectNext("响应内容").verifyComplete();
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void historyAndToolCallAnswer() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(
				okJson("""
						{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":null,
						 "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":"{\\"location\\":\\"北京\\"}"}}]},
						 "finish_reason":"tool_calls"}]}""")));

		ChatResponse response = template().prompt()
			.messages(List.of(ChatMessage.user("请介绍一下你自己"), ChatMessage.assistant("您好，我是快AI机器人。")))
			.user("北京今天天气怎么样")
			.call()
			.response();

		assertThat(response.content()).isNull();
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_1", "get_current_weather", "{\"location\":\"北京\"}"));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"messages":[{"role":"user","content":"请介绍一下你自己"},{"role":"assistant","content":"您好，我是快AI机器人。"},
				 {"role":"user","content":"北京今天天气怎么样"}]}""", false, true)));
	}

	@Test
	void visionWithUrlAndBase64Image() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(SEED_000_RESPONSE)));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

		template().prompt()
			.user((u) -> u.text("What is in this image?")
				.image(URI.create("https://example.com/image.jpg"))
				.image(png, MimeTypeUtils.IMAGE_PNG)
				.image(new ByteArrayResource(png) {
					@Override
					public String getFilename() {
						return "cat.jpeg";
					}
				}))
			.options((o) -> o.model("gpt-4-turbo").maxTokens(300))
			.call()
			.content();

		wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"model":"gpt-4-turbo","max_tokens":300,"messages":[{"role":"user","content":[
				  {"type":"text","text":"What is in this image?"},
				  {"type":"image_url","image_url":{"url":"https://example.com/image.jpg"}},
				  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw=="}},
				  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,iVBORw=="}}]}]}""", false, false)));
	}

	@Test
	void modelsFromSeed001() {
		wireMock.stubFor(get("/v1/models").willReturn(
				okJson("""
						{"object":"list","data":[
						 {"id":"gpt-4-turbo","object":"model","created":1687882411,"owned_by":"openai","permission":[],"root":"gpt-4-turbo","parent":null},
						 {"id":"gpt-4","object":"model","created":1687882410,"owned_by":"openai","permission":[],"root":"gpt-4","parent":null},
						 {"id":"dall-e-3","object":"model","created":1698939181,"owned_by":"openai","permission":[],"root":"dall-e-3","parent":null}]}""")));

		List<ModelInfo> models = template().models();

		assertThat(models).extracting(ModelInfo::id).containsExactly("gpt-4-turbo", "gpt-4", "dall-e-3");
		assertThat(models.get(0)).isEqualTo(new ModelInfo("gpt-4-turbo", "openai", 1687882411L));
		wireMock.verify(
				getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@Test
	void imageGenerationFromSeed001() {
		wireMock.stubFor(post("/v1/images/generations").withRequestBody(equalToJson(
				"""
						{"model":"dall-e-3","prompt":"A cute baby sea otter wearing a beret","n":1,"size":"1024x1024","quality":"standard"}""",
				false, false))
			.willReturn(okJson("""
					{"created":1589478378,"data":[{"url":"https://example.com/image.jpg",
					 "revised_prompt":"A photorealistic depiction of a baby sea otter..."}]}""")));

		ImageResult result = template().images()
			.generate(ImageRequest.builder("A cute baby sea otter wearing a beret")
				.model("dall-e-3")
				.n(1)
				.size("1024x1024")
				.quality("standard")
				.build());

		assertThat(result.created()).isEqualTo(1589478378L);
		assertThat(result.images()).containsExactly(new ImageResult.GeneratedImage("https://example.com/image.jpg",
				null, "A photorealistic depiction of a baby sea otter..."));
	}

	@Test
	void imageGenerationAsBase64() {
		wireMock.stubFor(post("/v1/images/generations")
			.withRequestBody(equalToJson("{\"prompt\":\"otter\",\"response_format\":\"b64_json\"}"))
			.willReturn(okJson("{\"created\":1,\"data\":[{\"b64_json\":\"iVBORw==\"}]}")));

		ImageResult result = template().images()
			.generate(ImageRequest.builder("otter").responseFormat("b64_json").build());

		assertThat(result.images().get(0).b64Json()).isEqualTo("iVBORw==");
	}

	@Test
	void leadingBlankLinesBeforeJsonAsDeepSeekSendsUnderLoad() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("\n\n\n" + SEED_000_RESPONSE)));
		assertThat(template().prompt("hi").call().content()).isEqualTo("响应内容");
	}

	@Test
	void mutateDerivesAnIndependentTemplate() {
		ChatTemplate template = template();
		ChatTemplate other = template.mutate().provider("kuai").defaultOptions((o) -> o.model("gpt-3.5-turbo")).build();
		assertThat(template.provider()).isEqualTo("aigc");
		assertThat(template.defaultOptions().model()).isEqualTo("gpt-4o");
		assertThat(other.provider()).isEqualTo("kuai");
		assertThat(other.defaultOptions().model()).isEqualTo("gpt-3.5-turbo");
		assertThat(other.toString()).doesNotContain(API_KEY);
	}

	@Test
	void applyConfiguresTheBuilderWithASharedGroupOfSettings() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		Consumer<ChatTemplate.Builder> team = (builder) -> builder.defaultHeader("X-Team", "search")
			.defaultOptions((options) -> options.model("gpt-4o-mini"));
		try (ChatTemplate template = templateBuilder().apply(team).build()) {
			assertThat(template.defaultOptions().model()).isEqualTo("gpt-4o-mini");
			template.prompt("ping").call().content();
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("X-Team", equalTo("search"))
			.withRequestBody(containing("\"model\":\"gpt-4o-mini\"")));
	}

	@Test
	void theGroupedHttpSetterAndTheConvenienceSettersSetTheSameSettingsAndMutateKeepsThem() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		try (ChatTemplate template = templateBuilder()
			.http((http) -> http.headers((headers) -> headers.add("X-Group", "http")).apiKey("sk-grouped"))
			.defaultHeader("X-Single", "one")
			.build(); ChatTemplate derived = template.mutate().provider("derived").build()) {
			template.prompt("ping").call().content();
			derived.prompt("ping").call().content();
		}
		wireMock.verify(2,
				postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("X-Group", equalTo("http"))
					.withHeader("X-Single", equalTo("one"))
					.withHeader("Authorization", equalTo("Bearer sk-grouped")));
	}

}
