package dev.chatstarter.test;

/**
 * Decides how a {@link FakeChatServer} answers a request when no {@link FakeResponse} is queued for its endpoint.
 * Called on a worker thread, possibly concurrently for concurrent requests, so implementations must be
 * thread-safe; they may block.
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
	 * @return the answer; a failure is answered with HTTP 500 and an OpenAI error body naming it
	 */
	FakeResponse respond(RecordedRequest request);

}
