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

/**
 * Decides how a {@link FakeChatServer} answers a request when no {@link FakeResponse} is
 * queued for its endpoint. Called on a worker thread, possibly concurrently for
 * concurrent requests, so implementations must be thread-safe; they may block.
 *
 * <pre class="code">
 * server.responder((request) -&gt; request.lastUserMessage().contains("weather")
 * 		? FakeResponse.toolCall("get_current_weather", "{\"location\":\"Paris\"}")
 * 		: FakeResponse.text("Hello!"));
 * </pre>
 *
 * @see DemoResponder
 */
@FunctionalInterface
public interface ChatResponder {

	/**
	 * Answer a request.
	 * @param request the request received
	 * @return the answer; a failure is answered with HTTP 500 and an OpenAI error body
	 * naming it
	 */
	FakeResponse respond(RecordedRequest request);

}
