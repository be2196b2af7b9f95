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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.output.StructuredOutputException;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Structured output in every mode, against WireMock.
 */
class ChatTemplateEntityTests extends WireMockSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SOLUTION = "{\\\"steps\\\":[{\\\"explanation\\\":\\\"Subtract 31\\\",\\\"output\\\":\\\"8x = -29\\\"},"
			+ "{\\\"explanation\\\":\\\"Divide by 8\\\",\\\"output\\\":\\\"x = -29/8\\\"}],\\\"final_answer\\\":\\\"x = -29/8\\\"}";

	private void stubAnswer(String content) {
		wireMock.stubFor(post("/v1/chat/completions")
			.willReturn(okJson("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
					+ "\"},\"finish_reason\":\"stop\"}]}")));
	}

	private JsonNode requestBody() {
		return JSON
			.readTree(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString());
	}

	private ChatTemplate template(StructuredOutputMode mode) {
		return templateBuilder().dialect(ProviderDialect.openAi().mutate().structuredOutput(mode).build()).build();
	}

	@Test
	void jsonSchemaModeSendsTheSeed000Schema() {
		stubAnswer(SOLUTION);

		MathSolution solution = template().prompt()
			.system("你是一个数学老师")
			.user("求解方程: 8x + 31 = 2")
			.call()
			.entity(MathSolution.class);

		assertThat(solution.finalAnswer()).isEqualTo("x = -29/8");
		assertThat(solution.steps()).extracting(MathSolution.Step::output).containsExactly("8x = -29", "x = -29/8");
		JsonNode format = requestBody().get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("name").asString()).isEqualTo("MathSolution");
		JsonNode schema = format.get("json_schema").get("schema");
		assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("steps", "final_answer");
		assertThat(schema.get("properties").get("steps").get("type").asString()).isEqualTo("array");
		assertThat(schema.toString()).contains("explanation").contains("output");
	}

	@Test
	void jsonObjectModePutsTheSchemaInThePrompt() {
		stubAnswer(SOLUTION);

		MathSolution solution = template(StructuredOutputMode.JSON_OBJECT).prompt("求解方程: 8x + 31 = 2")
			.call()
			.entity(MathSolution.class);

		assertThat(solution.finalAnswer()).isEqualTo("x = -29/8");
		JsonNode body = requestBody();
		assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
		JsonNode instructions = body.get("messages").get(0);
		assertThat(instructions.get("role").asString()).isEqualTo("system");
		assertThat(instructions.get("content").asString()).containsIgnoringCase("json").contains("final_answer");
	}

	@Test
	void promptModeSendsNoResponseFormat() {
		stubAnswer("```json\\n" + SOLUTION + "\\n```");

		MathSolution solution = template(StructuredOutputMode.PROMPT).prompt("求解方程: 8x + 31 = 2")
			.call()
			.entity(MathSolution.class);

		assertThat(solution.steps()).hasSize(2);
		assertThat(requestBody().has("response_format")).isFalse();
		assertThat(requestBody().get("messages").get(0).get("content").asString()).contains("final_answer");
	}

	@Test
	void genericTypes() {
		stubAnswer("[{\\\"explanation\\\":\\\"a\\\",\\\"output\\\":\\\"b\\\"}]");
		List<MathSolution.Step> steps = template(StructuredOutputMode.JSON_OBJECT).prompt("steps")
			.call()
			.entity(new ParameterizedTypeReference<List<MathSolution.Step>>() {
			});
		assertThat(steps).containsExactly(new MathSolution.Step("a", "b"));
	}

	@Test
	void invalidJsonFailsWithTheRawText() {
		stubAnswer("I cannot solve that.");

		assertThatExceptionOfType(StructuredOutputException.class)
			.isThrownBy(() -> template().prompt("求解方程").call().entity(MathSolution.class))
			.withMessageContaining("MathSolution")
			.satisfies((ex) -> assertThat(ex.getRawText()).isEqualTo("I cannot solve that."))
			.satisfies((ex) -> assertThat(ex.getProvider()).isEqualTo("aigc"));
	}

	@Test
	void entityMonoIsLazy() {
		stubAnswer(SOLUTION);
		var mono = template().prompt("求解方程: 8x + 31 = 2").call().entityMono(MathSolution.class);
		assertThat(wireMock.getAllServeEvents()).isEmpty();
		assertThat(mono.block().finalAnswer()).isEqualTo("x = -29/8");
	}

	record MathSolution(List<Step> steps, @JsonProperty("final_answer") String finalAnswer) {

		record Step(String explanation, String output) {
		}

	}

}
