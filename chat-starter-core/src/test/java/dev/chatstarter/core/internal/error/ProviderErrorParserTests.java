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

package dev.chatstarter.core.internal.error;

import java.nio.charset.Charset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.error.ProviderError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProviderErrorParserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> errorShapes() {
		return Stream.of(arguments("OpenAI, string code",
				"{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}",
				new ProviderError(
						"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
						"unsupported_parameter", "invalid_request_error", "max_tokens", null)),
				arguments("OpenRouter, numeric code",
						"{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded: free-models-per-min\",\"metadata\":{\"headers\":{}}}}",
						new ProviderError("Rate limit exceeded: free-models-per-min", "429", null, null, null)),
				arguments("Ollama, null code and param",
						"{\"error\":{\"message\":\"model \\\"llama9\\\" not found, try pulling it first\",\"type\":\"not_found_error\",\"param\":null,\"code\":null}}",
						new ProviderError("model \"llama9\" not found, try pulling it first", null, "not_found_error",
								null, null)),
				arguments("empty param",
						"{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":\"\",\"code\":null}}",
						new ProviderError("bad", null, "invalid_request_error", null, null)),
				arguments("LM Studio, error string",
						"{\"error\":\"Unexpected endpoint or method. (POST /v1/chat/completion)\"}",
						new ProviderError("Unexpected endpoint or method. (POST /v1/chat/completion)", null, null, null,
								null)),
				arguments("vLLM flat",
						"{\"object\":\"error\",\"message\":\"This model's maximum context length is 2048 tokens. However, you requested 4000 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
						new ProviderError(
								"This model's maximum context length is 2048 tokens. However, you requested 4000 tokens.",
								"400", "BadRequestError", null, null)),
				arguments("seed 003, codes 900", ErrorBodies.SEED_003_BAD_KEY,
						new ProviderError("密钥错误或已过期，请通过微信访问yewu.bcwhkj.cn个人中心获取", "900", null, "token", null)),
				arguments("seed 003, codes 400", ErrorBodies.SEED_003_ILLEGAL,
						new ProviderError("非法字符。请勿提交", "400", null, null, null)),
				arguments("seed 003, codes 402", ErrorBodies.SEED_003_CONTENT_SAFETY,
						new ProviderError("提交问题涉及内容安全，请修改问题", "402", null, null, null)),
				arguments("seed 003, codes 300", ErrorBodies.SEED_003_NO_QUOTA,
						new ProviderError("当前额度不足，请充值后继续使用", "300", null, null, null)),
				arguments("seed 003, cf_bad_gateway", ErrorBodies.SEED_003_BAD_GATEWAY,
						new ProviderError("Bad gateway.", "502", "cf_bad_gateway", null, null)),
				arguments("seed 004 style, code and msg", "{\"code\":401,\"msg\":\"api_secret_key无效\"}",
						new ProviderError("api_secret_key无效", "401", null, null, null)),
				arguments("SiliconFlow",
						"{\"code\":20012,\"message\":\"Model does not exist. Please check it carefully.\",\"data\":null}",
						new ProviderError("Model does not exist. Please check it carefully.", "20012", null, null,
								null)),
				arguments("FastAPI detail string", "{\"detail\":\"Not Found\"}",
						new ProviderError("Not Found", null, null, null, null)),
				arguments("FastAPI validation list",
						"{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},{\"loc\":[\"body\",\"model\"],\"msg\":\"str type expected\",\"type\":\"type_error.str\"}]}",
						new ProviderError("body.messages: field required; body.model: str type expected", null, null,
								null, null)),
				arguments("reason and message",
						"{\"reason\":\"NOT_ENOUGH_BALANCE\",\"message\":\"Your account balance is not enough\"}",
						new ProviderError("Your account balance is not enough", "NOT_ENOUGH_BALANCE", null, null,
								null)),
				arguments("new-api, request id suffix", ErrorBodies.NEW_API_NO_CHANNEL,
						new ProviderError(
								"当前分组 default 下对于模型 gpt-4o 无可用渠道 (request id: 20240806214436917505976hvsFC5y2)", null,
								"new_api_error", null, "20240806214436917505976hvsFC5y2")),
				arguments("one-api quota",
						"{\"error\":{\"message\":\"user quota is not enough (request id: 2025022112000012345)\",\"type\":\"one_api_error\",\"code\":\"insufficient_user_quota\"}}",
						new ProviderError("user quota is not enough (request id: 2025022112000012345)",
								"insufficient_user_quota", "one_api_error", null, "2025022112000012345")),
				arguments("DashScope, request_id",
						"{\"error\":{\"code\":\"data_inspection_failed\",\"param\":null,\"message\":\"Input data may contain inappropriate content.\",\"type\":\"data_inspection_failed\"},\"id\":\"chatcmpl-5d2f\",\"request_id\":\"5d2f0a8e-1c3b-9f4e-8a7d-6b5c4d3e2f1a\"}",
						new ProviderError("Input data may contain inappropriate content.", "data_inspection_failed",
								"data_inspection_failed", null, "5d2f0a8e-1c3b-9f4e-8a7d-6b5c4d3e2f1a")),
				arguments("top-level msg", "{\"msg\":\"服务繁忙\"}", new ProviderError("服务繁忙", null, null, null, null)),
				arguments("top-level err", "{\"err\":\"upstream closed\"}",
						new ProviderError("upstream closed", null, null, null, null)),
				arguments("Qianfan v1 error_msg",
						"{\"error_code\":110,\"error_msg\":\"Access token invalid or no longer valid\"}",
						new ProviderError("Access token invalid or no longer valid", "110", null, null, null)),
				arguments("Gemini, array",
						"[{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\"}}]",
						new ProviderError("API key not valid. Please pass a valid API key.", "400", "INVALID_ARGUMENT",
								null, null)),
				arguments("error object beside choices",
						"{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}],\"error\":{\"message\":\"TimeoutError\",\"type\":\"GatewayTimeout\",\"code\":504}}",
						new ProviderError("TimeoutError", "504", "GatewayTimeout", null, null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorShapes")
	void fromJsonRecognisesErrorShape(String name, String body, ProviderError expected) {
		assertThat(ProviderErrorParser.fromJson(JSON.readTree(body))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorShapes")
	void fromBodyRecognisesErrorShape(String name, String body, ProviderError expected) {
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(body), MediaType.APPLICATION_JSON))
			.isEqualTo(expected);
	}

	static Stream<Arguments> normalAnswers() {
		return Stream.of(arguments("seed 004 success, no object nor model", ErrorBodies.SEED_004_SUCCESS),
				arguments("seed 003 success", ErrorBodies.SEED_003_SUCCESS),
				arguments("OpenAI completion", ErrorBodies.OPENAI_COMPLETION),
				arguments("seed 004 with code 0",
						"{\"code\":0,\"msg\":\"ok\",\"id\":\"as-1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\",\"index\":0}]}"),
				arguments("stream chunk",
						"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}],\"usage\":null}"),
				arguments("usage chunk",
						"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}"),
				arguments("error null beside choices",
						"{\"id\":\"x\",\"error\":null,\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"),
				arguments("error string beside choices",
						"{\"id\":\"x\",\"error\":\"\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"),
				arguments("Ollama native message object",
						"{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"done\":true}"),
				arguments("success envelope", "{\"code\":200,\"msg\":\"success\",\"data\":{}}"),
				arguments("empty error object beside choices (C14)",
						"{\"error\":{\"code\":0,\"message\":\"\"},\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"),
				arguments("error object of nulls beside choices (C14)",
						"{\"error\":{\"message\":null,\"type\":null,\"code\":null},\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"),
				arguments("usage chunk with code 0000 (C14)",
						"{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11},\"code\":\"0000\",\"msg\":\"success\"}"),
				arguments("code 00000 (C14)", "{\"code\":\"00000\",\"msg\":\"ok\",\"data\":{}}"),
				arguments("success true beside a code (C14)", "{\"success\":true,\"code\":1001,\"msg\":\"done\"}"),
				arguments("success \"true\" as text (C14)", "{\"success\":\"true\",\"code\":7,\"msg\":\"done\"}"));
	}

	@Test
	void errorObjectWithAFailureCodeBesideChoicesIsAnError() {
		JsonNode body = JSON.readTree(
				"{\"error\":{\"code\":500,\"message\":\"\"},\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}]}");
		assertThat(ProviderErrorParser.fromJson(body)).isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalAnswers")
	void fromJsonDoesNotTreatNormalAnswerAsError(String name, String body) {
		assertThat(ProviderErrorParser.fromJson(JSON.readTree(body))).isNull();
	}

	@Test
	void fromBodyToleratesDeepSeekLeadingBlankLines() {
		String body = "\n\n\n\r\n   \n{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}}";
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(body), MediaType.APPLICATION_JSON))
			.isEqualTo(new ProviderError("Insufficient Balance", "invalid_request_error", "unknown_error", null, null));
	}

	@Test
	void fromBodyReducesCloudflarePageToItsTitle() {
		ProviderError error = ProviderErrorParser.fromBody(ErrorBodies.bytes(ErrorBodies.CLOUDFLARE_520),
				MediaType.TEXT_HTML);
		assertThat(error.message()).isEqualTo("api.example.com | 520: Web server is returning an unknown error");
		assertThat(error.code()).isNull();
	}

	@Test
	void fromBodyFallsBackToTheFirstHeadingAndMasksAddresses() {
		String page = "<html><body><h1>502 Bad Gateway from <b>10.0.0.7</b></h1><p>Your IP 198.51.100.3</p></body></html>";
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(page), null).message())
			.isEqualTo("502 Bad Gateway from x.x.x.x");
	}

	@Test
	void fromBodyNeverKeepsRawHtml() {
		String page = "<html><body><p>Your IP: " + ErrorBodies.CLIENT_IP + "</p></body></html>";
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(page), MediaType.TEXT_HTML))
			.isEqualTo(ProviderError.empty());
		assertThat(ProviderErrorParser.excerpt(ErrorBodies.bytes(page))).isEqualTo("(HTML page without a title)");
	}

	@Test
	void fromBodyTrimsPlainText() {
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes("  Bad Gateway\r\n"), MediaType.TEXT_PLAIN))
			.isEqualTo(ProviderError.ofMessage("Bad Gateway"));
	}

	@Test
	void fromBodyCutsLongPlainText() {
		String message = ProviderErrorParser.fromBody(ErrorBodies.bytes("upstream failed ".repeat(100)), null)
			.message();
		assertThat(message).hasSizeLessThanOrEqualTo(ProviderErrorParser.EXCERPT_LIMIT)
			.startsWith("upstream failed")
			.endsWith("...");
	}

	@Test
	void fromBodyOfEmptyBodyIsEmpty() {
		assertThat(ProviderErrorParser.fromBody(new byte[0], null)).isEqualTo(ProviderError.empty());
		assertThat(ProviderErrorParser.fromBody(null, null)).isEqualTo(ProviderError.empty());
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(" \n\n "), MediaType.APPLICATION_JSON))
			.isEqualTo(ProviderError.empty());
	}

	@Test
	void fromBodyOfBrokenJsonKeepsTheText() {
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes("{\"error\": {\"message\": \"cut"),
				MediaType.APPLICATION_JSON))
			.isEqualTo(ProviderError.ofMessage("{\"error\": {\"message\": \"cut"));
	}

	@Test
	void fromBodyReadsAnSseErrorEvent() {
		String body = "data: {\"error\":{\"message\":\"prompt too long\",\"type\":\"invalid_request_error\"}}\n\ndata: [DONE]\n\n";
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes(body), MediaType.TEXT_EVENT_STREAM))
			.isEqualTo(new ProviderError("prompt too long", null, "invalid_request_error", null, null));
	}

	@Test
	void fromBodyTakesMessageOfFailedResponseEvenWithSuccessCode() {
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes("{\"code\":0,\"msg\":\"系统繁忙\"}"), null))
			.isEqualTo(new ProviderError("系统繁忙", "0", null, null, null));
	}

	@Test
	void fromBodyUsesCharsetOfContentType() {
		Charset gbk = Charset.forName("GBK");
		byte[] body = "{\"error\":{\"message\":\"余额不足\"}}".getBytes(gbk);
		assertThat(ProviderErrorParser.fromBody(body, new MediaType("application", "json", gbk)).message())
			.isEqualTo("余额不足");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000\u0001\u00ff\u00fe", "[1,2", "\"just a string\"", "<", "data:", "42" })
	void fromBodyNeverThrows(String body) {
		assertThat(ProviderErrorParser.fromBody(body.getBytes(Charset.forName("ISO-8859-1")), MediaType.TEXT_HTML))
			.isNotNull();
	}

	@Test
	void fromBodyOfJsonStringIsItsText() {
		assertThat(ProviderErrorParser.fromBody(ErrorBodies.bytes("\"Internal error\""), null))
			.isEqualTo(ProviderError.ofMessage("Internal error"));
	}

	@Test
	void excerptIsOneShortLine() {
		String body = "{\n  \"error\": {\n    \"message\": \"" + "x".repeat(500) + "\"\n  }\n}";
		String excerpt = ProviderErrorParser.excerpt(ErrorBodies.bytes(body));
		assertThat(excerpt).hasSize(ProviderErrorParser.EXCERPT_LIMIT)
			.startsWith("{ \"error\": { \"message\": \"xxx")
			.endsWith("...")
			.doesNotContain("\n");
	}

	@Test
	void excerptOfHtmlIsItsTitle() {
		String excerpt = ProviderErrorParser.excerpt(ErrorBodies.bytes(ErrorBodies.CLOUDFLARE_520));
		assertThat(excerpt).isEqualTo("api.example.com | 520: Web server is returning an unknown error");
	}

	@Test
	void excerptOfEmptyBodyIsEmpty() {
		assertThat(ProviderErrorParser.excerpt(new byte[0])).isEmpty();
		assertThat(ProviderErrorParser.excerpt(null)).isEmpty();
	}

	@Test
	void numericCodeReadsOnlyWholeNumbers() {
		assertThat(new ProviderError(null, "502", null, null, null).numericCode()).isEqualTo(502);
		assertThat(new ProviderError(null, "invalid_api_key", null, null, null).numericCode()).isNull();
		assertThat(new ProviderError(null, "400.0", null, null, null).numericCode()).isNull();
		assertThat(ProviderError.empty().numericCode()).isNull();
	}

	@Test
	void fromJsonIgnoresScalars() {
		JsonNode number = JSON.readTree("42");
		assertThat(ProviderErrorParser.fromJson(number)).isNull();
	}

}
