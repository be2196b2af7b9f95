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

package dev.chatstarter.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.sample.SampleHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a newcomer runs it: no provider configured, so the embedded offline demo
 * provider answers. Every endpoint is called over HTTP, as with curl.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	int port;

	private SampleHttp http() {
		return new SampleHttp(this.port);
	}

	@Test
	void chatEchoesThroughTheDemoProvider() {
		Response response = http().get("/chat?message=" + SampleHttp.encode("你好"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.body()).isEqualTo("Echo from the offline demo provider: 你好");
	}

	@Test
	void weatherQuestionRunsTheToolRoundTrip() {
		Response response = http().get("/chat?message=" + SampleHttp.encode("北京今天天气怎么样"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("get_current_weather").contains("北京").contains("celsius");
	}

	@Test
	void streamSendsOneEventPerFragmentAndKeepsTheSpaces() {
		Response response = http().get("/chat/stream?message=" + SampleHttp.encode("tell me a story"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		List<String> fragments = dataOf(response.body());
		assertThat(fragments.size()).isGreaterThan(5);
		assertThat(String.join("", fragments)).isEqualTo("Echo from the offline demo provider: tell me a story");
	}

	@Test
	void streamRunsToolCallsToo() {
		Response response = http().get("/chat/stream?message=" + SampleHttp.encode("What's the weather in Paris?"));
		assertThat(String.join("", dataOf(response.body()))).contains("Paris").contains("get_current_weather");
	}

	@Test
	void postChatWithImages() {
		Response response = http().post("/chat",
				"{\"message\":\"What is in this image?\",\"imageUrls\":[\"https://example.com/image.jpg\"]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode answer = response.json();
		assertThat(answer.get("content").asString()).contains("What is in this image?").contains("1 image");
		assertThat(answer.get("model").asString()).isEqualTo("demo-chat");
		assertThat(answer.get("finishReason").asString()).isEqualTo("stop");
		JsonNode usage = answer.get("usage");
		assertThat(usage.get("promptTokens").asInt()).isPositive();
		assertThat(usage.get("totalTokens").asInt())
			.isEqualTo(usage.get("promptTokens").asInt() + usage.get("completionTokens").asInt());
	}

	@Test
	void solveReturnsTheSeedSchemaShape() {
		Response response = http().get("/solve?equation=" + SampleHttp.encode("8x + 31 = 2"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode solution = response.json();
		assertThat(solution.propertyNames()).containsExactly("steps", "final_answer");
		assertThat(solution.get("final_answer").asString()).isEqualTo("x = -29/8");
		assertThat(solution.get("steps").get(0).propertyNames()).containsExactly("explanation", "output");
	}

	@Test
	void modelsAndImages() {
		Response models = http().get("/models");
		assertThat(models.status()).isEqualTo(200);
		assertThat(models.body()).isEqualTo("[\"demo-chat\",\"demo-image\"]");
		Response images = http().post("/images",
				"{\"prompt\":\"A sea otter in a beret\",\"n\":1,\"size\":\"1024x1024\"}");
		assertThat(images.status()).isEqualTo(200);
		assertThat(images.json()).hasSize(1);
		assertThat(images.json().get(0).asString()).startsWith("https://example.invalid/demo/");
	}

	@Test
	void badRequestsAreProblems() {
		Response blank = http().get("/chat?message=%20");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.contentType()).startsWith("application/problem+json");
		assertThat(blank.json().get("detail").asString()).contains("must not be blank");
		Response unknown = http().get("/chat?message=hi&provider=nope");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("provider").asString()).isEqualTo("nope");
		assertThat(unknown.json().get("detail").asString()).isEqualTo("Unknown provider 'nope'")
			.as("the configured providers are not listed")
			.doesNotContain("demo");
		Response blankPost = http().post("/chat", "{\"message\":\"\"}");
		assertThat(blankPost.status()).isEqualTo(400);
		assertThat(http().get("/chat/stream?message=").status()).isEqualTo(400);
	}

	/**
	 * C20: input limits, checked before any provider is called.
	 */
	@Test
	void inputOverTheLimitsIsRefusedWith400() {
		Response longMessage = http().post("/chat", "{\"message\":\"" + "a".repeat(32_001) + "\"}");
		assertThat(longMessage.status()).isEqualTo(400);
		assertThat(longMessage.json().get("detail").asString()).contains("at most 32000");
		Response longGet = http().get("/solve?equation=" + "1".repeat(32_001));
		assertThat(longGet.status()).isIn(400, 414);
		String fiveImages = "\"https://example.com/a.png\",".repeat(4) + "\"https://example.com/a.png\"";
		Response tooManyImages = http().post("/chat", "{\"message\":\"hi\",\"imageUrls\":[" + fiveImages + "]}");
		assertThat(tooManyImages.status()).isEqualTo(400);
		assertThat(tooManyImages.json().get("detail").asString()).contains("At most 4 image URLs");
		for (String url : new String[] { "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
				"http://127.0.0.1:8080/actuator/env", "data:text/html;base64,PGgxPmhpPC9oMT4=",
				"file:///etc/passwd" }) {
			Response internal = http().post("/chat", "{\"message\":\"hi\",\"imageUrls\":[\"" + url + "\"]}");
			assertThat(internal.status()).as(url).isEqualTo(400);
			assertThat(internal.contentType()).startsWith("application/problem+json");
		}
		for (String body : new String[] { "{\"prompt\":\"otter\",\"n\":2147483647}", "{\"prompt\":\"otter\",\"n\":-5}",
				"{\"prompt\":\"otter\",\"n\":0}", "{\"prompt\":\"otter\",\"n\":11}",
				"{\"prompt\":\"otter\",\"size\":\"99999x99999\"}" }) {
			assertThat(http().post("/images", body).status()).as(body).isEqualTo(400);
		}
		assertThat(http().post("/images", "{\"prompt\":\"otter\",\"n\":10,\"size\":\"512x512\"}").status())
			.isEqualTo(200);
	}

	@Test
	void bodyOverTheLimitIsRefusedBeforeItIsRead() {
		Response tooLarge = http().post("/chat", "{\"message\":\"" + "a".repeat(6 * 1024 * 1024) + "\"}");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");
	}

	@Test
	void healthShowsNoDetailsToAnonymousCallers() {
		Response health = http().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().has("components")).isFalse();
		assertThat(health.body()).doesNotContain("127.0.0.1", "demo");
	}

	@Test
	void actuatorShowsTheMetrics() {
		http().get("/chat?message=hi");
		Response metrics = http().get("/actuator/metrics");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http.server.requests");
		Response health = http().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	static List<String> dataOf(String eventStream) {
		List<String> data = new ArrayList<>();
		for (String line : eventStream.split("\n")) {
			if (line.startsWith("data:")) {
				// each fragment is a JSON string, so a reader that strips the space after
				// "data:" loses nothing
				String value = line.substring(5);
				assertThat(value).startsWith("\"");
				data.add(JsonMapper.shared().readValue(value, String.class));
			}
		}
		return data;
	}

}
