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

/**
 * How a template reaches its provider: base URL resolution, connection pools, timeouts
 * and retries, and the {@link dev.chatstarter.core.http.ChatTransport} SPI with its two
 * transports, {@link dev.chatstarter.core.http.ReactorNettyTransport} (the default) and
 * {@link dev.chatstarter.core.http.WebClientTransport} (needs the optional Spring
 * WebFlux).
 */
@NullMarked
package dev.chatstarter.core.http;

import org.jspecify.annotations.NullMarked;
