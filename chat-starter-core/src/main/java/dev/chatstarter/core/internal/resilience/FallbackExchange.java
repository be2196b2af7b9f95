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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Sends a request to the first provider's guarded stage and, when it fails in a way the
 * {@linkplain FallbackTrigger triggers} name, to the fallbacks in order, each followed by
 * its own fallbacks. A provider that is cooling down is skipped at once; a stream fails
 * over only before its first chunk. Each fallback gets the request with its own default
 * options, the options the request set beyond the first provider's defaults (per call,
 * structured output, tools) kept, and its own model.
 */
public final class FallbackExchange implements ChatExchange {

	private final List<Member> members;

	private final ChatOptions primaryDefaults;

	private final Set<FallbackTrigger> triggers;

	private final FallbackListener listener;

	private FallbackExchange(List<Member> members, ChatOptions primaryDefaults, Set<FallbackTrigger> triggers,
			FallbackListener listener) {
		this.members = List.copyOf(members);
		this.primaryDefaults = primaryDefaults;
		this.triggers = Set.copyOf(triggers);
		this.listener = listener;
	}

	/**
	 * Return the stage that falls back from a provider's guard to its fallbacks, or the
	 * guard itself when it has none.
	 * @param primary the first provider's guard
	 * @param primaryDefaults the first provider's default options
	 * @param fallbacks the configured fallbacks; their own fallbacks follow each, depth
	 * first, every provider once
	 * @param triggers the failures that fall back (besides a provider that cools down or
	 * is unavailable)
	 * @param listener told of every fallback
	 * @return the stage
	 */
	public static ChatExchange over(GuardedExchange primary, ChatOptions primaryDefaults,
			List<FallbackMember> fallbacks, Set<FallbackTrigger> triggers, FallbackListener listener) {
		return fallbacks.isEmpty() ? primary
				: over((ChatExchange) primary.failingFast(), primaryDefaults, fallbacks, triggers, listener);
	}

	/**
	 * Return the stage that falls back from a stage that fails at once when it cannot
	 * serve (a route) to its fallbacks, or that stage itself when it has none.
	 * @param primary the first stage
	 * @param primaryDefaults the first stage's default options
	 * @param fallbacks the configured fallbacks; their own fallbacks follow each, depth
	 * first, every provider once
	 * @param triggers the failures that fall back (besides a provider that cools down or
	 * is unavailable)
	 * @param listener told of every fallback
	 * @return the stage
	 */
	public static ChatExchange over(ChatExchange primary, ChatOptions primaryDefaults, List<FallbackMember> fallbacks,
			Set<FallbackTrigger> triggers, FallbackListener listener) {
		Set<FallbackMember> chain = new LinkedHashSet<>();
		addWithTheirFallbacks(fallbacks, chain);
		if (chain.isEmpty()) {
			return primary;
		}
		List<Member> members = new ArrayList<>(chain.size() + 1);
		members.add(new Member(primary, null));
		for (FallbackMember fallback : chain) {
			members.add(new Member(fallback.fallbackExchange(), fallback.defaultOptions()));
		}
		return new FallbackExchange(members, primaryDefaults, triggers, listener);
	}

	private static void addWithTheirFallbacks(List<FallbackMember> fallbacks, Set<FallbackMember> chain) {
		for (FallbackMember fallback : fallbacks) {
			if (chain.add(fallback)) {
				addWithTheirFallbacks(fallback.fallbacks(), chain);
			}
		}
	}

	@Override
	public String provider() {
		return this.members.get(0).exchange().provider();
	}

	@Override
	public Mono<ChatResponse> call(ChatRequest request) {
		return call(request, 0);
	}

	private Mono<ChatResponse> call(ChatRequest request, int index) {
		Member member = this.members.get(index);
		Mono<ChatResponse> attempt = member.exchange().call(requestFor(member, request));
		if (index == this.members.size() - 1) {
			return attempt;
		}
		return attempt.onErrorResume(this::triggersFallback, (failure) -> {
			notifyFallback(index, failure);
			return call(request, index + 1);
		});
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return stream(request, 0);
	}

	private Flux<ChatChunk> stream(ChatRequest request, int index) {
		Member member = this.members.get(index);
		if (index == this.members.size() - 1) {
			return member.exchange().stream(requestFor(member, request));
		}
		return Flux.defer(() -> {
			AtomicBoolean started = new AtomicBoolean();
			return member.exchange()
				.stream(requestFor(member, request))
				.doOnNext((chunk) -> started.set(true))
				.onErrorResume((failure) -> !started.get() && triggersFallback(failure), (failure) -> {
					notifyFallback(index, failure);
					return stream(request, index + 1);
				});
		});
	}

	private void notifyFallback(int index, Throwable failure) {
		this.listener.onFallback(this.members.get(index).exchange().provider(),
				this.members.get(index + 1).exchange().provider(), (ChatException) failure);
	}

	private boolean triggersFallback(Throwable failure) {
		if (failure instanceof ChatBudgetExceededException budget) {
			// the budget's own when-exceeded decides, whatever the triggers say
			return budget.isFallbackAllowed();
		}
		if (!(failure instanceof ChatException chatFailure)) {
			return false;
		}
		if (failure instanceof ChatProviderUnavailableException) {
			return true;
		}
		for (FallbackTrigger trigger : this.triggers) {
			if (trigger.matches(chatFailure)) {
				return true;
			}
		}
		return false;
	}

	private ChatRequest requestFor(Member member, ChatRequest request) {
		ChatOptions defaults = member.defaultOptions();
		if (defaults == null) {
			return request;
		}
		return new ChatRequest(request.messages(), request.options().rebased(this.primaryDefaults, defaults));
	}

	/**
	 * One provider of the chain; {@code defaultOptions} is {@code null} for the first,
	 * which gets requests as they are.
	 */
	private record Member(ChatExchange exchange, @Nullable ChatOptions defaultOptions) {

	}

}
