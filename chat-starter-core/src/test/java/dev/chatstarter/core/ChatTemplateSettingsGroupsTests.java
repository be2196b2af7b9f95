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

package dev.chatstarter.core;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.error.ChatException;
import dev.chatstarter.core.error.ChatProviderUnavailableException;
import dev.chatstarter.core.error.ErrorDetails;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.DefaultChatObservationConvention;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;
import dev.chatstarter.core.tool.ToolSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the settings records a template is built from ({@link ToolSettings},
 * {@link ChatObservationSettings}, {@link ResilienceSettings}) and for the grouped
 * builder setters that customize them: each group takes effect, the convenience setters
 * write into the same group, and {@code mutate()} copies the groups.
 */
class ChatTemplateSettingsGroupsTests extends WireMockSupport {

	@Test
	void toolSettingsKeepEverySettingAndMutateCopies() {
		ToolExecutionOptions execution = new ToolExecutionOptions(3, false, Duration.ofSeconds(5), 4, 2);
		ToolExecutionListener listener = (toolName, run) -> run;
		ToolErrorConverter converter = (toolName, failure) -> "failed";
		ToolSettings settings = ToolSettings.builder()
			.registry(ToolRegistry.empty())
			.execution(execution)
			.listener(listener)
			.errorConverter(converter)
			.build();
		assertThat(settings.registry().get()).isSameAs(ToolRegistry.empty());
		assertThat(settings.defaultTools()).isEmpty();
		assertThat(settings.execution()).isSameAs(execution);
		assertThat(settings.listener()).isSameAs(listener);
		assertThat(settings.errorConverter()).isSameAs(converter);
		assertThat(settings.mutate().build()).isEqualTo(settings);
		assertThat(ToolSettings.builder().build()).isEqualTo(ToolSettings.none());
	}

	@Test
	void anEagerRegistryIsCheckedAgainstTheDefaultToolsAndALazyOneIsNot() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ToolSettings.builder().registry(ToolRegistry.empty()).defaultTools("weather").build())
			.withMessageStartingWith("Unknown tool [weather]");
		ToolSettings lazy = ToolSettings.builder().registry(ToolRegistry::empty).defaultTools("weather").build();
		assertThat(lazy.defaultTools()).containsExactly("weather");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> templateBuilder()
				.tools((tools) -> tools.registry(ToolRegistry.empty()).defaultTools("weather"))
				.build())
			.withMessageStartingWith("Unknown tool [weather]");
	}

	@Test
	void resilienceSettingsKeepEverySettingAndMutateCopies() {
		InstantSource clock = InstantSource.fixed(Instant.EPOCH);
		ProviderLimits limits = new ProviderLimits(2, 0, 0, ProviderLimits.Mode.FAIL, Duration.ZERO);
		ResilienceSettings settings = ResilienceSettings.builder()
			.fallbackOn(FallbackTrigger.QUOTA)
			.cooldown(new CooldownPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(1)))
			.limits(limits)
			.clock(clock)
			.build();
		assertThat(settings.fallbackOn()).containsExactly(FallbackTrigger.QUOTA);
		assertThat(settings.cooldown()).isEqualTo(new CooldownPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(1)));
		assertThat(settings.limits()).isEqualTo(limits);
		assertThat(settings.clock()).isSameAs(clock);
		assertThat(settings.mutate().build()).isEqualTo(settings);
		assertThat(settings.mutate().fallbackOn().build().fallbackOn()).isEmpty();
		assertThat(ResilienceSettings.builder().build()).isEqualTo(ResilienceSettings.defaults());
		assertThat(ResilienceSettings.defaults().fallbackOn()).isEqualTo(Set.of(FallbackTrigger.values()));
	}

	@Test
	void fallbackListenersAddUpInTheOrderTheyWereAdded() {
		StringBuilder told = new StringBuilder();
		FallbackListener first = (from, to, failure) -> told.append("first ");
		FallbackListener second = (from, to, failure) -> told.append("second");
		ResilienceSettings settings = ResilienceSettings.builder()
			.fallbackListener(first)
			.fallbackListener(second)
			.build();
		settings.fallbackListener()
			.onFallback("a", "b", new ChatProviderUnavailableException(ErrorDetails.local("a", "down"), null));
		assertThat(told).hasToString("first second");
	}

	@Test
	void theResilienceGroupDecidesWhetherAFailedCallFallsBack() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(serviceUnavailable()));
		wireMock.stubFor(post("/backup/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate backup = templateBuilder().provider("backup").baseUrl(baseUrl() + "/backup/v1").build();
		ChatTemplate.Builder primary = templateBuilder().retryPolicy(RetryPolicy.none()).fallback(backup);

		assertThat(primary.build().prompt("ping").call().content()).isEqualTo("pong");
		ChatTemplate withoutFallback = primary.resilience((resilience) -> resilience.fallbackOn()).build();
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> withoutFallback.prompt("ping").call().content())
			.satisfies((ex) -> assertThat(ex.getProvider()).isEqualTo("aigc"));
		assertThatExceptionOfType(ChatException.class).as("mutate() copies the resilience group")
			.isThrownBy(() -> withoutFallback.mutate().build().prompt("ping").call().content());
	}

	@Test
	void theObservationGroupAndItsConvenienceSettersWriteTheSameSettings() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		AtomicInteger stopped = new AtomicInteger();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new CountingHandler(stopped));
		ChatTemplate grouped = templateBuilder().observations(
				(observations) -> observations.registry(registry).convention(new DefaultChatObservationConvention()))
			.build();
		ChatTemplate convenient = templateBuilder().observationRegistry(registry).build();

		grouped.prompt("ping").call().content();
		convenient.prompt("ping").call().content();
		grouped.mutate().build().prompt("ping").call().content();

		assertThat(stopped).hasValue(3);
	}

	@Test
	void badValuesAreRefusedWithTheSettingNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolSettings.builder().defaultTools("a", null))
			.withMessage("names must not contain null");
		assertThatIllegalArgumentException().isThrownBy(() -> ResilienceSettings.builder().limits(null))
			.withMessage("limits must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatObservationSettings.builder().registry(null))
			.withMessage("registry must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> templateBuilder().tools(null))
			.withMessage("tools must not be null");
	}

	/**
	 * Counts the observations that stop.
	 */
	private static final class CountingHandler implements ObservationHandler<Observation.Context> {

		private final AtomicInteger stopped;

		CountingHandler(AtomicInteger stopped) {
			this.stopped = stopped;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.incrementAndGet();
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
