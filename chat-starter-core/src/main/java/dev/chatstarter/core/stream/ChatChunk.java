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

package dev.chatstarter.core.stream;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.chat.Usage;

/**
 * One {@code chat.completion.chunk} of a stream. Chunks are folded into a complete
 * {@link dev.chatstarter.core.chat.ChatResponse} by {@link ChatStreamAggregator}.
 *
 * @param id the completion id
 * @param model the model that answers
 * @param created the creation time in epoch seconds
 * @param choices the choice deltas; empty on a usage-only chunk
 * @param usage the usage, on whichever chunk the provider puts it
 * @param systemFingerprint the backend fingerprint
 * @param provider the name of the configured provider that streams this chunk (after a
 * fallback, the fallback's), or {@code null} for a chunk that did not come from a
 * template
 * @param deployment the name of the route deployment that streams this chunk, or
 * {@code null} when the chunk did not come through a route
 * @param cost what the stream cost so far by the provider's pricing, on the chunks that
 * carry usage; {@code null} on the others and when the model has no price
 */
public record ChatChunk(@Nullable String id, @Nullable String model, @Nullable Long created, List<ChunkChoice> choices,
		@Nullable Usage usage, @Nullable String systemFingerprint, @Nullable String provider,
		@Nullable String deployment, @Nullable BigDecimal cost) {

	public ChatChunk {
		choices = List.copyOf(choices);
	}

	/**
	 * Create a chunk that came through no route.
	 * @param id the completion id
	 * @param model the model that answers
	 * @param created the creation time in epoch seconds
	 * @param choices the choice deltas; empty on a usage-only chunk
	 * @param usage the usage, on whichever chunk the provider puts it
	 * @param systemFingerprint the backend fingerprint
	 * @param provider the name of the configured provider that streams this chunk, or
	 * {@code null}
	 */
	public ChatChunk(@Nullable String id, @Nullable String model, @Nullable Long created, List<ChunkChoice> choices,
			@Nullable Usage usage, @Nullable String systemFingerprint, @Nullable String provider) {
		this(id, model, created, choices, usage, systemFingerprint, provider, null, null);
	}

	/**
	 * Create a chunk without a cost.
	 * @param id the completion id
	 * @param model the model that answers
	 * @param created the creation time in epoch seconds
	 * @param choices the choice deltas; empty on a usage-only chunk
	 * @param usage the usage, on whichever chunk the provider puts it
	 * @param systemFingerprint the backend fingerprint
	 * @param provider the name of the configured provider that streams this chunk, or
	 * {@code null}
	 * @param deployment the name of the route deployment that streams this chunk, or
	 * {@code null}
	 */
	public ChatChunk(@Nullable String id, @Nullable String model, @Nullable Long created, List<ChunkChoice> choices,
			@Nullable Usage usage, @Nullable String systemFingerprint, @Nullable String provider,
			@Nullable String deployment) {
		this(id, model, created, choices, usage, systemFingerprint, provider, deployment, null);
	}

	/**
	 * Create a chunk that names no provider.
	 * @param id the completion id
	 * @param model the model that answers
	 * @param created the creation time in epoch seconds
	 * @param choices the choice deltas; empty on a usage-only chunk
	 * @param usage the usage, on whichever chunk the provider puts it
	 * @param systemFingerprint the backend fingerprint
	 */
	public ChatChunk(@Nullable String id, @Nullable String model, @Nullable Long created, List<ChunkChoice> choices,
			@Nullable Usage usage, @Nullable String systemFingerprint) {
		this(id, model, created, choices, usage, systemFingerprint, null, null, null);
	}

	/**
	 * Return this chunk as streamed by a provider, unless it already names one.
	 * @param provider the provider's name
	 * @return a chunk that names a provider
	 */
	public ChatChunk withProviderIfAbsent(String provider) {
		return (this.provider != null) ? this : new ChatChunk(this.id, this.model, this.created, this.choices,
				this.usage, this.systemFingerprint, provider, this.deployment, this.cost);
	}

	/**
	 * Return this chunk as streamed by a route deployment.
	 * @param deployment the deployment's name
	 * @return the chunk naming the deployment
	 */
	public ChatChunk withDeployment(String deployment) {
		return new ChatChunk(this.id, this.model, this.created, this.choices, this.usage, this.systemFingerprint,
				this.provider, deployment, this.cost);
	}

	/**
	 * Return this chunk with the cost of the usage it carries.
	 * @param cost what the stream cost so far by the provider's pricing
	 * @return the chunk with the cost
	 */
	public ChatChunk withCost(@Nullable BigDecimal cost) {
		return new ChatChunk(this.id, this.model, this.created, this.choices, this.usage, this.systemFingerprint,
				this.provider, this.deployment, cost);
	}

	/**
	 * Return the content fragment of the first choice.
	 * @return the text fragment, or {@code null} when this chunk carries none
	 */
	public @Nullable String content() {
		return this.choices.isEmpty() ? null : this.choices.get(0).content();
	}

}
