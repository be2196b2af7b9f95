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

package dev.chatstarter.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.chatstarter.autoconfigure.state.RedisSharedStateStore;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;
import dev.chatstarter.test.redis.RedisServer;

/**
 * chat-starter's {@link ChatTemplate} with its defaults, a route over two of them, or a
 * template with client-side limits counted in memory or shared through Redis.
 */
final class ChatStarterContender implements Contender {

	private final ChatTemplate template;

	/** What this contender built and closes, in order: templates, shared state, Redis. */
	private final List<AutoCloseable> owned;

	/** Limits far above what a run reaches, so that they are counted but never refuse. */
	private static final ProviderLimits LIMITS = new ProviderLimits(10_000, 100_000_000, 0, ProviderLimits.Mode.FAIL,
			Duration.ZERO);

	private final WeatherTools tools = new WeatherTools();

	ChatStarterContender(String baseUrl) {
		this(provider("bench", baseUrl));
	}

	private ChatStarterContender(ChatTemplate template) {
		this(template, List.of(template));
	}

	private ChatStarterContender(ChatTemplate template, List<AutoCloseable> owned) {
		this.template = template;
		this.owned = owned;
	}

	/**
	 * Return the contender that calls through a route over two deployments of the stub,
	 * each a provider template of its own, spread by weight.
	 * @param baseUrl the stub's base URL
	 * @return the contender
	 */
	static ChatStarterContender routed(String baseUrl) {
		ChatTemplate first = provider("bench-a", baseUrl);
		ChatTemplate second = provider("bench-b", baseUrl);
		ChatTemplate route = ChatTemplate.route("bench")
			.deployment(first, StubServer.MODEL, 1)
			.deployment(second, StubServer.MODEL, 1)
			.build();
		return new ChatStarterContender(route, List.of(first, second));
	}

	/**
	 * Return the contender whose template has client-side limits (concurrency and
	 * requests per minute, both far above what the run reaches) counted in this JVM: the
	 * base of {@link #sharedThroughRedis(String)}.
	 * @param baseUrl the stub's base URL
	 * @return the contender
	 */
	static ChatStarterContender limited(String baseUrl) {
		return new ChatStarterContender(providerBuilder("bench", baseUrl).limits(LIMITS).build());
	}

	/**
	 * Return the contender whose template has the limits of {@link #limited(String)}
	 * shared through Redis: a {@code redis-server} of its own on loopback, Spring Data
	 * Redis's reactive template over Lettuce, as the auto-configuration wires it.
	 * @param baseUrl the stub's base URL
	 * @return the contender
	 */
	static ChatStarterContender sharedThroughRedis(String baseUrl) {
		RedisServer redis = RedisServer.start();
		LettuceConnectionFactory connection = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redis.host(), redis.port()));
		connection.afterPropertiesSet();
		connection.start();
		SharedState shared = SharedState.of(
				new RedisSharedStateStore(new ReactiveStringRedisTemplate(connection), "bench"),
				SharedStateSettings.defaults());
		ChatTemplate template = providerBuilder("bench", baseUrl).limits(LIMITS)
			.resilience((resilience) -> resilience.sharedState(shared))
			.build();
		return new ChatStarterContender(template, List.of(template, shared, connection::destroy, redis));
	}

	private static ChatTemplate provider(String name, String baseUrl) {
		return providerBuilder(name, baseUrl).build();
	}

	private static ChatTemplate.Builder providerBuilder(String name, String baseUrl) {
		return ChatTemplate.builder()
			.provider(name)
			.baseUrl(baseUrl + "/v1")
			.apiKey("bench-key")
			.defaultOptions((o) -> o.model(StubServer.MODEL));
	}

	@Override
	public String call() {
		return this.template.prompt(PROMPT).call().content();
	}

	@Override
	public int stream(long[] firstChunkAt) {
		int[] count = new int[1];
		this.template.prompt(PROMPT).stream().content().doOnNext((text) -> {
			if (count[0]++ == 0) {
				firstChunkAt[0] = System.nanoTime();
			}
		}).then().block();
		return count[0];
	}

	@Override
	public CompletableFuture<Integer> streamAsync() {
		return this.template.prompt(PROMPT).stream().content().count().map(Long::intValue).toFuture();
	}

	@Override
	public void close() {
		for (AutoCloseable resource : this.owned) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close " + resource, ex);
			}
		}
	}

	@Override
	public boolean supportsTools() {
		return true;
	}

	@Override
	public String toolRoundTrip() {
		return this.template.prompt("Weather in Paris?").toolsFrom(this.tools).call().content();
	}

}
