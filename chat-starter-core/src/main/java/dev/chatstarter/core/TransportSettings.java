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

import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.internal.http.ConnectionPool;

/**
 * How a {@link DefaultChatTemplate} moves bytes: its transport and the connection pool
 * the transport connects through.
 *
 * @param transport the transport
 * @param pool the connection pool
 * @param ownsPool whether the template created the pool and disposes of it when closed;
 * templates made by {@code mutate()} share their origin's pool without owning it
 */
record TransportSettings(ChatTransport transport, ConnectionPool pool, boolean ownsPool) {

}
