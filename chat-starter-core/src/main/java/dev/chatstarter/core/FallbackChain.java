package dev.chatstarter.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatRequest;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.stream.ChatChunk;

/**
 * Sends one round of a call to a template and, when it fails in a way the {@linkplain FallbackTrigger triggers}
 * name, to the template's fallbacks in order, each followed by its own fallbacks. A provider that is cooling down is skipped at once; a stream fails over
 * only before its first chunk. Each fallback gets the request with its own default options, the options the
 * request set beyond the first provider's defaults (per call, structured output, tools) kept, and its own model.
 */
final class FallbackChain {

	private static final RecordComponent[] OPTION_COMPONENTS = ChatOptions.class.getRecordComponents();

	private static final Constructor<ChatOptions> OPTIONS_CONSTRUCTOR = canonicalConstructor();

	private final DefaultChatTemplate primary;

	private final List<DefaultChatTemplate> fallbacks;

	private final Set<FallbackTrigger> triggers;

	private final FallbackListener listener;

	FallbackChain(DefaultChatTemplate primary, List<DefaultChatTemplate> fallbacks, Set<FallbackTrigger> triggers,
			FallbackListener listener) {
		this.primary = primary;
		this.fallbacks = flatten(primary, fallbacks);
		this.triggers = Set.copyOf(triggers);
		this.listener = listener;
	}

	/**
	 * Return the whole chain after the primary: each fallback followed by its own fallbacks, depth first, every
	 * provider once (a cycle back to the primary or to a provider already in the chain is cut).
	 */
	private static List<DefaultChatTemplate> flatten(DefaultChatTemplate primary, List<DefaultChatTemplate> fallbacks) {
		Set<DefaultChatTemplate> chain = new LinkedHashSet<>();
		addWithTheirFallbacks(primary, fallbacks, chain);
		return List.copyOf(chain);
	}

	private static void addWithTheirFallbacks(DefaultChatTemplate primary, List<DefaultChatTemplate> fallbacks,
			Set<DefaultChatTemplate> chain) {
		for (DefaultChatTemplate fallback : fallbacks) {
			if (fallback != primary && chain.add(fallback)) {
				addWithTheirFallbacks(primary, fallback.fallbacks(), chain);
			}
		}
	}

	/**
	 * Send a complete request along the chain.
	 * @param request the request, options merged with the primary's defaults
	 * @return the response of the first provider that answered
	 */
	Mono<ChatResponse> call(ChatRequest request) {
		return call(request, 0);
	}

	private Mono<ChatResponse> call(ChatRequest request, int index) {
		DefaultChatTemplate member = member(index);
		Mono<ChatResponse> attempt = member.guardedCall(requestFor(member, request), !this.fallbacks.isEmpty());
		if (index == this.fallbacks.size()) {
			return attempt;
		}
		return attempt.onErrorResume(this::triggersFallback, (failure) -> {
			this.listener.onFallback(member.provider(), member(index + 1).provider(), (ChatException) failure);
			return call(request, index + 1);
		});
	}

	/**
	 * Send a streaming request along the chain; a stream fails over only before its first chunk.
	 * @param request the request, options merged with the primary's defaults
	 * @param answering told the name of the provider whose stream delivered the first chunk
	 * @return the chunks of the first provider that answered
	 */
	Flux<ChatChunk> stream(ChatRequest request, Consumer<String> answering) {
		return stream(request, answering, 0);
	}

	private Flux<ChatChunk> stream(ChatRequest request, Consumer<String> answering, int index) {
		return Flux.defer(() -> {
			DefaultChatTemplate member = member(index);
			AtomicBoolean started = new AtomicBoolean();
			Flux<ChatChunk> attempt = member.guardedStream(requestFor(member, request), !this.fallbacks.isEmpty())
				.doOnNext((chunk) -> {
					if (started.compareAndSet(false, true)) {
						answering.accept(member.provider());
					}
				});
			if (index == this.fallbacks.size()) {
				return attempt;
			}
			return attempt.onErrorResume((failure) -> !started.get() && triggersFallback(failure), (failure) -> {
				this.listener.onFallback(member.provider(), member(index + 1).provider(), (ChatException) failure);
				return stream(request, answering, index + 1);
			});
		});
	}

	private DefaultChatTemplate member(int index) {
		return (index == 0) ? this.primary : this.fallbacks.get(index - 1);
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

	private ChatRequest requestFor(DefaultChatTemplate member, ChatRequest request) {
		if (member == this.primary) {
			return request;
		}
		return new ChatRequest(request.messages(),
				optionsFor(request.options(), this.primary.defaultOptions(), member.defaultOptions()));
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
