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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Error and answer bodies shared by the tests of this package. Seed 003 (bingcheng API)
 * documents its bodies as YAML examples; they are given here as the JSON the server
 * sends, with the texts unchanged.
 */
final class ErrorBodies {

	/** Seed 003, example 2 (密钥错误). */
	static final String SEED_003_BAD_KEY = "{\"codes\":900,\"mess\":\"密钥错误或已过期，请通过微信访问yewu.bcwhkj.cn个人中心获取\",\"data\":\"token\"}";

	/** Seed 003, example 3 (非法内容). */
	static final String SEED_003_ILLEGAL = "{\"codes\":400,\"mess\":\"非法字符。请勿提交\",\"data\":\"\"}";

	/** Seed 003, example 4 (内容安全). */
	static final String SEED_003_CONTENT_SAFETY = "{\"codes\":402,\"mess\":\"提交问题涉及内容安全，请修改问题\",\"data\":\"\"}";

	/** Seed 003, example 5 (额度不足). */
	static final String SEED_003_NO_QUOTA = "{\"codes\":300,\"mess\":\"当前额度不足，请充值后继续使用\",\"data\":\"\"}";

	/** Seed 003, example 6 (官方API维护中). */
	static final String SEED_003_BAD_GATEWAY = "{\"error\":{\"code\":502,\"message\":\"Bad gateway.\",\"param\":null,\"type\":\"cf_bad_gateway\"}}";

	/** Seed 003, example 1 (成功示例). */
	static final String SEED_003_SUCCESS = "{\"id\":\"chatcmpl-7stavzrezgeImDvdKABNHVNbZvIN4\",\"object\":\"chat.completion\","
			+ "\"created\":1693317773,\"model\":\"gpt-3.5-turbo-0613\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
			+ "\"content\":\"2020年的世界职业棒球大赛是在美国德州州的阿灵顿的球场举办的.\"},\"finish_reason\":\"stop\"}],"
			+ "\"usage\":{\"prompt_tokens\":101,\"completion_tokens\":40,\"total_tokens\":141}}";

	/** Seed 004's success sample, byte for byte (no {@code object}, no {@code model}). */
	static final String SEED_004_SUCCESS = resource("seed-004-success.json");

	/** A usual OpenAI chat completion. */
	static final String OPENAI_COMPLETION = """
			{"id":"chatcmpl-abc123","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini-2024-07-18",\
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help?","refusal":null,\
			"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,\
			"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
			"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
			"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}""";

	/** one-api/new-api: no channel for the model, with the request id suffix. */
	static final String NEW_API_NO_CHANNEL = "{\"error\":{\"message\":\"当前分组 default 下对于模型 gpt-4o 无可用渠道 (request id: 20240806214436917505976hvsFC5y2)\",\"type\":\"new_api_error\"}}";

	/** The IP address a Cloudflare error page shows. */
	static final String CLIENT_IP = "203.0.113.42";

	/** A Cloudflare 520 page, shortened, with the parts that matter. */
	static final String CLOUDFLARE_520 = """
			<!DOCTYPE html>
			<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
			<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
			<head>
			<title>api.example.com | 520: Web server is returning an unknown error</title>
			<meta charset="UTF-8" />
			<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
			<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
			</head>
			<body>
			<div id="cf-wrapper">
			<h1 class="inline-block md:block mr-2 md:mb-2 font-light text-60"><span class="inline-block">Web server is returning an unknown error</span>
			<span class="code-label">Error code 520</span></h1>
			<div class="cf-error-footer cf-wrapper">
			<span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">8a1b2c3d4e5f6789</strong></span>
			<span id="cf-footer-item-ip" class="cf-footer-item">Your IP: <span id="cf-footer-ip">%s</span></span>
			</div>
			</div>
			</body>
			</html>
			"""
		.formatted(CLIENT_IP);

	private ErrorBodies() {
	}

	static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String resource(String name) {
		try (InputStream in = ErrorBodies.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
