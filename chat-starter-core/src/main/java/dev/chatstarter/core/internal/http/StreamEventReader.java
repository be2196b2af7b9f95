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

package dev.chatstarter.core.internal.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the events of a stream into values for {@link ProviderHttpClient#postStream}.
 * Most events are plain and are read straight from their bytes; the others are parsed as
 * JSON, checked for errors by the client, and then read.
 *
 * @param <T> the type of the values
 */
public interface StreamEventReader<T> {

	/**
	 * Read an event's data directly when it certainly is a normal event, not an error in
	 * disguise.
	 * @param data the event data, UTF-8; not to be modified
	 * @return the value, or {@code null} to let the client parse the data as JSON, check
	 * it for errors and call {@link #read(JsonNode)}
	 */
	@Nullable T readPlain(byte[] data);

	/**
	 * Read an event (or a JSON answer to the stream request) that was parsed and checked
	 * for errors.
	 * @param json the parsed event
	 * @return the value
	 */
	T read(JsonNode json);

}
