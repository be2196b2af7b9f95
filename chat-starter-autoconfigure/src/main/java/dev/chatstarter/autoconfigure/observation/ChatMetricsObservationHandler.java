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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.Usage;
import dev.chatstarter.core.observation.ChatObservationContext;
import dev.chatstarter.core.observation.ChatObservationDocumentation.ModelLowCardinalityKeyNames;

/**
 * Records the GenAI metrics that a timer alone cannot give, from the observations of
 * model calls (the timer {@code gen_ai.client.operation.duration} itself comes from
 * Micrometer's default meter handler):
 * <ul>
 * <li>{@value #TOKEN_USAGE}: distribution summary of the tokens the provider reported,
 * tagged {@code gen_ai.token.type} = {@code input} or {@code output} plus the
 * observation's low-cardinality tags, streams included;</li>
 * <li>{@value #TIME_TO_FIRST_CHUNK}: timer of a stream's time to its first chunk, with
 * the same tags;</li>
 * <li>{@value #TIME_PER_OUTPUT_CHUNK}: timer of the time between two chunks of a stream,
 * recorded per chunk, tagged with the tags known when the stream starts (not the error
 * type).</li>
 * </ul>
 * It is a plain {@link ObservationHandler}, not a meter observation handler, so it runs
 * next to the default meter handler rather than instead of it.
 */
public final class ChatMetricsObservationHandler implements ObservationHandler<ChatObservationContext> {

	/** The token usage summary. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The time-to-first-chunk timer. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** The time-per-output-chunk timer. */
	public static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

	/** The tag that tells input from output tokens. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	private static final List<String> KEYS_UNKNOWN_AT_START = List
		.of(ModelLowCardinalityKeyNames.ERROR_TYPE.asString());

	private final MeterRegistry registry;

	/**
	 * Create a handler.
	 * @param registry the registry to record in
	 */
	public ChatMetricsObservationHandler(MeterRegistry registry) {
		Assert.notNull(registry, "registry must not be null");
		this.registry = registry;
	}

	@Override
	public void onStart(ChatObservationContext context) {
		if (context.isStreaming()) {
			context.setChunkIntervalListener(new ChunkTimer(this.registry, startTags(context)));
		}
	}

	@Override
	public void onStop(ChatObservationContext context) {
		Tags tags = tags(context);
		Usage usage = context.getUsage();
		if (usage != null) {
			recordTokens(tags, "input", usage.promptTokens());
			recordTokens(tags, "output", usage.completionTokens());
		}
		Duration timeToFirstChunk = context.getTimeToFirstChunk();
		if (timeToFirstChunk != null) {
			Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from the request to the first chunk of a streamed answer")
				.tags(tags)
				.register(this.registry)
				.record(timeToFirstChunk);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext;
	}

	private void recordTokens(Tags tags, String type, @Nullable Integer tokens) {
		if (tokens != null && tokens >= 0) {
			DistributionSummary.builder(TOKEN_USAGE)
				.description("Input and output tokens reported by the provider")
				.baseUnit("tokens")
				.tags(tags)
				.tag(TOKEN_TYPE, type)
				.register(this.registry)
				.record(tokens);
		}
	}

	private static Tags tags(ChatObservationContext context) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return Tags.of(tags);
	}

	private static Tags startTags(ChatObservationContext context) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			if (!KEYS_UNKNOWN_AT_START.contains(keyValue.getKey())) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
		}
		return Tags.of(tags);
	}

	/**
	 * Records the time between two chunks; the timer is looked up once per stream, at its
	 * second chunk.
	 */
	private static final class ChunkTimer implements LongConsumer {

		private final MeterRegistry registry;

		private final Tags tags;

		private @Nullable Timer timer;

		ChunkTimer(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
		}

		@Override
		public void accept(long nanos) {
			Timer timer = this.timer;
			if (timer == null) {
				timer = Timer.builder(TIME_PER_OUTPUT_CHUNK)
					.description("Time between two chunks of a streamed answer")
					.tags(this.tags)
					.register(this.registry);
				this.timer = timer;
			}
			timer.record(nanos, TimeUnit.NANOSECONDS);
		}

	}

}
