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
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;

/**
 * Everything a {@link DefaultChatTemplate} was built with.
 */
record ChatTemplateSettings(String provider, HttpSettings http, ChatOptions defaultOptions, ProviderDialect dialect,
		ChatTransport transport, @Nullable JsonMapper jsonMapper, Supplier<ToolRegistry> toolRegistry,
		List<String> defaultTools, ToolExecutionOptions toolExecution, ToolExecutionListener toolExecutionListener,
		ToolErrorConverter toolErrorConverter, RetryListener retryListener, ChatObservationSettings observations,
		ResilienceSettings resilience) {

}
