package dev.chatstarter.core.internal.resilience;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.internal.ChatExchange;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Sends a request to the first provider's guarded stage and, when it fails in a way the
 * {@linkplain FallbackTrigger triggers} name, to the fallbacks in order, each followed by its own fallbacks. A
 * provider that is cooling down is skipped at once; a stream fails over only before its first chunk. Each fallback
 * gets the request with its own default options, the options the request set beyond the first provider's defaults
 * (per call, structured output, tools) kept, and its own model.
 */
public final class FallbackExchange implements ChatExchange {

	private static final RecordComponent[] OPTION_COMPONENTS = ChatOptions.class.getRecordComponents();

	private static final Constructor<ChatOptions> OPTIONS_CONSTRUCTOR = canonicalConstructor();

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
	 * Return the stage that falls back from a provider's guard to its fallbacks, or the guard itself when it has
	 * none.
	 * @param primary the first provider's guard
	 * @param primaryDefaults the first provider's default options
	 * @param fallbacks the configured fallbacks; their own fallbacks follow each, depth first, every provider once
	 * @param triggers the failures that fall back (besides a provider that cools down or is unavailable)
	 * @param listener told of every fallback
	 * @return the stage
	 */
	public static ChatExchange over(GuardedExchange primary, ChatOptions primaryDefaults, List<FallbackMember> fallbacks,
			Set<FallbackTrigger> triggers, FallbackListener listener) {
		Set<FallbackMember> chain = new LinkedHashSet<>();
		addWithTheirFallbacks(fallbacks, chain);
		if (chain.isEmpty()) {
			return primary;
		}
		List<Member> members = new ArrayList<>(chain.size() + 1);
		members.add(new Member(primary.failingFast(), null));
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
			return member.exchange().stream(requestFor(member, request))
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
		return new ChatRequest(request.messages(), optionsFor(request.options(), this.primaryDefaults, defaults));
	}

	/**
	 * One provider of the chain; {@code defaultOptions} is {@code null} for the first, which gets requests as they
	 * are.
	 */
	private record Member(ChatExchange exchange, @Nullable ChatOptions defaultOptions) {

	}

	/**
	 * Return the options of a request for a fallback provider: the fallback's defaults, overridden by every option
	 * of the request that differs from the first provider's default; the model is always the fallback's own (when it
	 * has one). Maps ({@code extra-body}, {@code logit-bias}) are merged key by key the same way.
	 * @param request the options of the request, merged with the first provider's defaults
	 * @param primaryDefaults the first provider's defaults
	 * @param fallbackDefaults the fallback's defaults
	 * @return the options to send to the fallback
	 */
	static ChatOptions optionsFor(ChatOptions request, ChatOptions primaryDefaults, ChatOptions fallbackDefaults) {
		Object[] values = new Object[OPTION_COMPONENTS.length];
		for (int i = 0; i < OPTION_COMPONENTS.length; i++) {
			RecordComponent component = OPTION_COMPONENTS[i];
			Object requested = value(component, request);
			Object primaryDefault = value(component, primaryDefaults);
			Object fallbackDefault = value(component, fallbackDefaults);
			if (component.getName().equals("model")) {
				values[i] = (fallbackDefault != null) ? fallbackDefault : requested;
			}
			else if (Objects.equals(requested, primaryDefault)) {
				values[i] = fallbackDefault;
			}
			else if (requested instanceof Map<?, ?> requestedMap && fallbackDefault instanceof Map<?, ?> fallbackMap) {
				Map<Object, Object> merged = new LinkedHashMap<>(fallbackMap);
				Map<?, ?> primaryMap = (primaryDefault instanceof Map<?, ?> map) ? map : Map.of();
				requestedMap.forEach((key, value) -> {
					if (!Objects.equals(value, primaryMap.get(key))) {
						merged.put(key, value);
					}
				});
				values[i] = merged;
			}
			else {
				values[i] = requested;
			}
		}
		try {
			return OPTIONS_CONSTRUCTOR.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not copy ChatOptions", ex);
		}
	}

	private static @Nullable Object value(RecordComponent component, ChatOptions options) {
		try {
			return component.getAccessor().invoke(options);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not read ChatOptions." + component.getName(), ex);
		}
	}

	private static Constructor<ChatOptions> canonicalConstructor() {
		Class<?>[] types = new Class<?>[OPTION_COMPONENTS.length];
		for (int i = 0; i < types.length; i++) {
			types[i] = OPTION_COMPONENTS[i].getType();
		}
		try {
			return ChatOptions.class.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
