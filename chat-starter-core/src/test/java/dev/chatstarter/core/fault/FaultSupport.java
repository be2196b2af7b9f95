package dev.chatstarter.core.fault;

import java.time.Duration;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.RetryPolicy;

/**
 * Shared bits of the fault-injection tests: chunks, a template builder with short timeouts and no retries, and the
 * bound within which every failure must surface (a guard against hangs, not a performance assertion).
 */
final class FaultSupport {

	/** Every failure must surface within this bound; a hang would exceed it by far. */
	static final Duration BOUND = Duration.ofSeconds(15);

	static final String ANSWER = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1717747931,"model":"gpt-4o-mini",
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}]}""";

	private FaultSupport() {
	}

	static String chunk(String content) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
				+ "\"},\"finish_reason\":null}]}\n\n";
	}

	static String finish() {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1717747931,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"
				+ "\n\ndata: [DONE]\n\n";
	}

	static ChatTemplate.Builder builder(String baseUrl) {
		return ChatTemplate.builder()
			.provider("faulty")
			.baseUrl(baseUrl)
			.apiKey("sk-test-fault-0123456789")
			.defaultOptions((options) -> options.model("gpt-4o-mini"))
			.connectTimeout(Duration.ofSeconds(2))
			.responseTimeout(Duration.ofSeconds(3))
			.streamIdleTimeout(Duration.ofSeconds(1))
			.retryPolicy(RetryPolicy.none());
	}

}
