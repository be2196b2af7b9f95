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

package dev.chatstarter.core.internal.resilience;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Holds a {@link CallLimiter} permit for each call and stream of the stage below: asked
 * for before it is sent, charged the tokens it used, released when it ends however it
 * ends. The limits of a provider (inside its guard) and of a route deployment.
 */
public final class LimitedExchange implements ChatExchange {

	private final CallLimiter limiter;

	private final ChatExchange next;

	private LimitedExchange(CallLimiter limiter, ChatExchange next) {
		this.limiter = limiter;
		this.next = next;
	}

	/**
	 * Limit a stage, unless the limiter has no limit.
	 * @param limiter the limiter
	 * @param next the stage below
	 * @return the limited stage, or {@code next} itself without limits
	 */
	public static ChatExchange over(CallLimiter limiter, ChatExchange next) {
		return limiter.isLimited() ? new LimitedExchange(limiter, next) : next;
	}

	@Override
	public String provider() {
		return this.next.provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return this.limiter.acquire()
			.flatMap((permit) -> this.next.call(request)
				.doOnSuccess((response) -> recordTokens(permit, response.usage()))
				.doFinally((signal) -> permit.release()));
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.limiter.acquire().flatMapMany((permit) -> {
			StreamUsage seen = new StreamUsage();
			return this.next.stream(request).doOnNext(seen::note).doFinally((signal) -> {
				recordTokens(permit, seen.usage());
				permit.release();
			});
		});
	}

	private static void recordTokens(CallLimiter.Permit permit, @Nullable Usage usage) {
		long total = StreamUsage.totalTokens(usage);
		if (total >= 0) {
			permit.recordTokens(total);
		}
	}

}
