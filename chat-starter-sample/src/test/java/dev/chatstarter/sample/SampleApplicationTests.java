package dev.chatstarter.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.chatstarter.sample.SampleHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a newcomer runs it: no provider configured, so the embedded offline demo provider answers. Every
 * endpoint is called over HTTP, as with curl.
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
		Response images = http().post("/images", "{\"prompt\":\"A sea otter in a beret\",\"n\":1,\"size\":\"1024x1024\"}");
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
		assertThat(unknown.json().get("detail").asString()).contains("[demo]");
		Response blankPost = http().post("/chat", "{\"message\":\"\"}");
		assertThat(blankPost.status()).isEqualTo(400);
		assertThat(http().get("/chat/stream?message=").status()).isEqualTo(400);
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
				String value = line.substring(5);
				data.add(value.startsWith(" ") ? value.substring(1) : value);
			}
		}
		return data;
	}

}
