package dev.chatstarter.core;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.provider.ProviderDialect;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Everything a {@link DefaultChatTemplate} was built with. The API key is left out of {@link #toString()}.
 */
record ChatTemplateSettings(String provider, String baseUrl, @Nullable String apiKey, ChatOptions defaultOptions,
		HttpHeaders headers, Duration connectTimeout, Duration responseTimeout, Duration streamIdleTimeout,
		RetryPolicy retryPolicy, ProviderDialect dialect, HttpVersion httpVersion,
		WebClient.@Nullable Builder webClientBuilder, UnaryOperator<HttpClient> httpClientCustomizer,
		@Nullable JsonMapper jsonMapper) {

	@Override
	public String toString() {
		return "ChatTemplateSettings[provider=" + this.provider + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "none") + "]";
	}

}
