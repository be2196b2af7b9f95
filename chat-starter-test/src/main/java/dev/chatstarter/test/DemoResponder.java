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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The <em>offline demo provider</em>: deterministic, canned answers that let an
 * application run with no API key and no network. It is a demo, not a model; every text
 * answer says so. It is the default behaviour of a {@link FakeChatServer} and serves
 * every endpoint:
 * <ul>
 * <li><b>chat, echo:</b> answers
 * {@code Echo from the offline demo provider: <last user message>} (mentioning attached
 * images), streamed word by word;</li>
 * <li><b>chat, weather tool:</b> when the request offers a tool named
 * {@value #WEATHER_TOOL}, the last user message mentions weather (weather, temperature,
 * 天气, 气温) and no tool result answered it yet, answers with a call
 * {@code get_current_weather({"location": <city found in the message, else the message>,
 * "unit": "celsius"})};</li>
 * <li><b>chat, tool results:</b> when the conversation ends with tool results, answers
 * with a sentence built from them, e.g.
 * {@code According to get_current_weather, the location is Paris and the temperature is 22.};</li>
 * <li><b>chat, structured output:</b> with {@code response_format} {@code json_schema} or
 * {@code json_object}, answers with JSON: when the prompt contains a linear equation such
 * as {@code 8x + 31 = 2} (and the schema, if any, has {@code steps} and
 * {@code final_answer}), its exact step-by-step solution
 * ({@code "final_answer": "x = -29/8"}); otherwise a value conforming to the schema;</li>
 * <li><b>usage:</b> word counts;</li>
 * <li><b>models:</b> {@link #MODELS};</li>
 * <li><b>images:</b> {@code https://example.invalid/demo/<n>.png} placeholders, or a 1×1
 * PNG for {@code response_format: b64_json}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class DemoResponder implements ChatResponder {

	/** The model ids the demo lists. */
	public static final List<String> MODELS = List.of("demo-chat", "demo-image");

	/** The name of the tool the demo calls for weather questions. */
	public static final String WEATHER_TOOL = "get_current_weather";

	/** How every echo answer starts. */
	public static final String ECHO_PREFIX = "Echo from the offline demo provider: ";

	/**
	 * A 1×1 transparent PNG, base64-encoded, returned for {@code b64_json} image
	 * requests.
	 */
	public static final String TINY_PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

	private static final String IMAGE_URL_PATTERN = "https://example.invalid/demo/%d.png";

	private static final int MAX_IMAGES = 10;

	@Override
	public FakeResponse respond(RecordedRequest request) {
		switch (request.endpoint()) {
			case CHAT_COMPLETIONS:
				return chat(request);
			case MODELS:
				return FakeResponse.models(MODELS.toArray(new String[0]));
			case IMAGES:
				return images(request);
			default:
				return FakeResponse.openAiError(404,
						"The offline demo provider has no endpoint " + request.method() + " " + request.path());
		}
	}

	private FakeResponse chat(RecordedRequest request) {
		if (request.endsWithToolResult()) {
			return FakeResponse.text(answerFromToolResults(request));
		}
		String lastUserMessage = request.lastUserMessage();
		String message = (lastUserMessage != null) ? lastUserMessage : "";
		if (request.toolNames().contains(WEATHER_TOOL) && WeatherQuestion.isAbout(message)
				&& !hasToolResultAfterLastUserMessage(request)) {
			ObjectNode arguments = FakeResponse.JSON_MAPPER.createObjectNode()
				.put("location", WeatherQuestion.location(message))
				.put("unit", WeatherQuestion.unit(message));
			return FakeResponse.toolCall("call_demo_" + (request.toolResults().size() + 1), WEATHER_TOOL,
					arguments.toString());
		}
		String format = request.responseFormatType();
		if ("json_schema".equals(format) || "json_object".equals(format)) {
			return FakeResponse.json(structuredAnswer(request, message));
		}
		return FakeResponse.text(echo(request, message));
	}

	private static String echo(RecordedRequest request, String message) {
		String text = ECHO_PREFIX + (message.isBlank() ? "(empty message)" : message);
		int images = request.imageUrls().size();
		if (images > 0) {
			text = text + " (with " + images + ((images == 1) ? " image)" : " images)");
		}
		return text;
	}

	private static boolean hasToolResultAfterLastUserMessage(RecordedRequest request) {
		boolean toolResult = false;
		for (JsonNode message : request.messages()) {
			String role = message.path("role").asString("");
			if ("user".equals(role)) {
				toolResult = false;
			}
			else if ("tool".equals(role)) {
				toolResult = true;
			}
		}
		return toolResult;
	}

	private static JsonNode structuredAnswer(RecordedRequest request, String message) {
		JsonNode schema = request.jsonSchema();
		boolean solvable = schema == null
				|| (schema.path("properties").has("steps") && schema.path("properties").has("final_answer"));
		if (solvable) {
			LinearEquation.Solution solution = solve(message, request);
			if (solution != null) {
				ObjectNode answer = FakeResponse.JSON_MAPPER.createObjectNode();
				ArrayNode steps = answer.putArray("steps");
				for (LinearEquation.Step step : solution.steps()) {
					steps.addObject().put("explanation", step.explanation()).put("output", step.output());
				}
				answer.put("final_answer", solution.finalAnswer());
				return answer;
			}
		}
		if (schema != null) {
			return JsonSchemaSampler.sample(schema);
		}
		return FakeResponse.JSON_MAPPER.createObjectNode().put("message", echo(request, message));
	}

	private static LinearEquation.@Nullable Solution solve(String message, RecordedRequest request) {
		LinearEquation equation = LinearEquation.find(message);
		if (equation == null) {
			StringBuilder conversation = new StringBuilder();
			for (JsonNode each : request.messages()) {
				conversation.append(RecordedRequest.textOf(each)).append('\n');
			}
			equation = LinearEquation.find(conversation.toString());
		}
		return (equation != null) ? equation.solve() : null;
	}

	private static String answerFromToolResults(RecordedRequest request) {
		List<JsonNode> messages = request.messages();
		Map<String, String> toolNames = new HashMap<>();
		for (JsonNode message : messages) {
			for (JsonNode call : message.path("tool_calls")) {
				toolNames.put(call.path("id").asString(""), call.path("function").path("name").asString("the tool"));
			}
		}
		int first = messages.size();
		while (first > 0 && "tool".equals(messages.get(first - 1).path("role").asString(""))) {
			first--;
		}
		List<String> sentences = new ArrayList<>();
		for (JsonNode message : messages.subList(first, messages.size())) {
			String tool = toolNames.getOrDefault(message.path("tool_call_id").asString(""), "the tool");
			sentences.add(describe(tool, RecordedRequest.textOf(message)));
		}
		return String.join(" ", sentences);
	}

	/**
	 * Describe a tool result in one sentence. For a weather result:
	 * {@code According to get_current_weather, the location is Paris, the temperature is
	 * 22 and the unit is celsius.}
	 * @param tool the name of the tool that returned the result
	 * @param result the tool's result: a JSON object, whose properties become facts, or
	 * plain text, quoted as it is
	 * @return the sentence, ending with a period
	 */
	private static String describe(String tool, String result) {
		JsonNode json = parseObject(result);
		if (json == null || json.isEmpty()) {
			String text = result.strip();
			return "According to " + tool + ": " + (text.isEmpty() ? "(no result)" : text)
					+ (text.endsWith(".") ? "" : ".");
		}
		List<String> facts = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : json.properties()) {
			JsonNode value = property.getValue();
			facts.add("the " + property.getKey().replace('_', ' ') + " is "
					+ (value.isValueNode() ? value.asString() : value.toString()));
		}
		String joined = (facts.size() == 1) ? facts.get(0)
				: String.join(", ", facts.subList(0, facts.size() - 1)) + " and " + facts.get(facts.size() - 1);
		return "According to " + tool + ", " + joined + ".";
	}

	private static @Nullable JsonNode parseObject(String text) {
		if (!text.strip().startsWith("{")) {
			return null;
		}
		try {
			JsonNode json = FakeResponse.JSON_MAPPER.readTree(text);
			return json.isObject() ? json : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static FakeResponse images(RecordedRequest request) {
		JsonNode body = request.json();
		int count = Math.max(1, Math.min(MAX_IMAGES, body.path("n").asInt(1)));
		boolean base64 = "b64_json".equals(body.path("response_format").asString(""));
		String prompt = body.path("prompt").asString("");
		ObjectNode root = FakeResponse.JSON_MAPPER.createObjectNode().put("created", 1700000000L);
		ArrayNode data = root.putArray("data");
		for (int i = 1; i <= count; i++) {
			ObjectNode image = data.addObject();
			if (base64) {
				image.put("b64_json", TINY_PNG_BASE64);
			}
			else {
				image.put("url", String.format(IMAGE_URL_PATTERN, i));
			}
			image.put("revised_prompt", "Offline demo placeholder for: " + prompt);
		}
		return FakeResponse.raw(200, "application/json", root.toString());
	}

}
