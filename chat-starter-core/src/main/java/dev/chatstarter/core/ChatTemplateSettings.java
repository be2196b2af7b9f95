package dev.chatstarter.core;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Everything a {@link DefaultChatTemplate} was built with.
 */
record ChatTemplateSettings(String provider, HttpSettings http, ChatOptions defaultOptions, ProviderDialect dialect,
		@Nullable Supplier<WebClient.Builder> webClientBuilder, UnaryOperator<HttpClient> httpClientCustomizer,
		@Nullable JsonMapper jsonMapper, Supplier<ToolRegistry> toolRegistry, List<String> defaultTools,
		ToolExecutionOptions toolExecution, ToolExecutionListener toolExecutionListener,
		ToolErrorConverter toolErrorConverter, RetryListener retryListener,
		ChatObservationSettings observations, ResilienceSettings resilience) {

}
