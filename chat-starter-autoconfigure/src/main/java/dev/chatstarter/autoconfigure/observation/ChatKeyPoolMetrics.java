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

package dev.chatstarter.autoconfigure.observation;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.ChatTemplates;
import dev.chatstarter.core.http.KeyPoolState;

/**
 * Meters of every provider's API key pool, read from {@link ChatTemplate#keyPoolState()}
 * when scraped: {@code chat.provider.keys} (gauge, tag {@code state}: available, cooling,
 * disabled) and, per key, {@code chat.provider.key.calls},
 * {@code chat.provider.key.errors} and {@code chat.provider.key.cooldowns} (counters). A
 * key is tagged by its position in the pool ({@code key}) and its fingerprint, never by
 * its value; both are bounded by the size of the pool.
 */
public final class ChatKeyPoolMetrics implements MeterBinder {

	private final ObjectProvider<ChatTemplates> templates;

	/**
	 * Create the meters of the pools of the application's templates, looked up when the
	 * registry binds the meters (after the templates were created).
	 * @param templates the templates, if any
	 */
	public ChatKeyPoolMetrics(ObjectProvider<ChatTemplates> templates) {
		this.templates = templates;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.templates.ifAvailable((templates) -> templates.asMap().forEach((name, template) -> {
			KeyPoolState state = template.keyPoolState();
			if (state != null) {
				bind(registry, name, template, state);
			}
		}));
	}

	private static void bind(MeterRegistry registry, String provider, ChatTemplate template, KeyPoolState state) {
		gauge(registry, provider, template, "available", KeyPoolState::available);
		gauge(registry, provider, template, "cooling", KeyPoolState::cooling);
		gauge(registry, provider, template, "disabled", KeyPoolState::disabled);
		for (KeyPoolState.Key key : state.keys()) {
			Tags tags = Tags.of("provider", provider, "key", Integer.toString(key.index()), "fingerprint",
					key.fingerprint());
			counter(registry, "chat.provider.key.calls", "Requests sent with the key", template, key.index(), tags,
					KeyPoolState.Key::calls);
			counter(registry, "chat.provider.key.errors", "Requests that failed with the key", template, key.index(),
					tags, KeyPoolState.Key::errors);
			counter(registry, "chat.provider.key.cooldowns", "Times the key was cooled down or taken out", template,
					key.index(), tags, KeyPoolState.Key::cooldowns);
		}
	}

	private static void gauge(MeterRegistry registry, String provider, ChatTemplate template, String state,
			ToDoubleFunction<KeyPoolState> count) {
		Gauge.builder("chat.provider.keys", template, (t) -> valueOf(t.keyPoolState(), count))
			.description("API keys of the provider's pool, by state")
			.tags("provider", provider, "state", state)
			.register(registry);
	}

	private static void counter(MeterRegistry registry, String name, String description, ChatTemplate template,
			int index, Tags tags, ToLongFunction<KeyPoolState.Key> count) {
		FunctionCounter.builder(name, template, (t) -> {
			KeyPoolState state = t.keyPoolState();
			List<KeyPoolState.Key> keys = (state != null) ? state.keys() : List.of();
			return (index < keys.size()) ? count.applyAsLong(keys.get(index)) : 0;
		}).description(description).tags(tags).register(registry);
	}

	private static double valueOf(@Nullable KeyPoolState state, ToDoubleFunction<KeyPoolState> count) {
		return (state != null) ? count.applyAsDouble(state) : 0;
	}

}
