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

package dev.chatstarter.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.observation.ChatKeyPoolMetrics;
import dev.chatstarter.autoconfigure.observation.ChatMetricsAutoConfiguration;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.http.KeyPoolState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat.providers.<name>.api-keys} and {@code key-pool}: the pool of the template,
 * its meters, and every misconfiguration reported at start-up without a key in the
 * report.
 */
class ChatKeyPoolConfigurationTests {

	private static final String KEY_1 = "sk-pool-first-0123456789";

	private static final String KEY_2 = "sk-pool-second-0123456789";

	private static final String PREFIX = "chat.providers.aigc.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChatAutoConfiguration.class))
		.withPropertyValues(PREFIX + "base-url=https://api2.aigcbest.top/v1");

	@Test
	void apiKeysMakeAPooledTemplate() {
		this.runner
			.withPropertyValues(PREFIX + "api-keys[0]=" + KEY_1, PREFIX + "api-keys[1]=" + KEY_2,
					PREFIX + "key-pool.selection=least-busy", PREFIX + "key-pool.header=api-key",
					PREFIX + "key-pool.disable-for=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KeyPoolState state = context.getBean(ChatTemplate.class).keyPoolState();
				assertThat(state).isNotNull();
				assertThat(state.total()).isEqualTo(2);
				assertThat(state.available()).isEqualTo(2);
				assertThat(state.keys()).extracting(KeyPoolState.Key::fingerprint).doesNotHaveDuplicates();
			});
	}

	@Test
	void aCommaSeparatedListIsAPoolToo() {
		this.runner.withPropertyValues(PREFIX + "api-keys=" + KEY_1 + "," + KEY_2)
			.run((context) -> assertThat(context.getBean(ChatTemplate.class).keyPoolState().total()).isEqualTo(2));
	}

	@Test
	void aSingleKeyHasNoPool() {
		this.runner.withPropertyValues(PREFIX + "api-key=" + KEY_1)
			.run((context) -> assertThat(context.getBean(ChatTemplate.class).keyPoolState()).isNull());
	}

	@Test
	void poolMetersCountEveryKeyWithoutItsValue() {
		this.runner.withConfiguration(AutoConfigurations.of(ChatMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withPropertyValues(PREFIX + "api-keys=" + KEY_1 + "," + KEY_2)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(ChatKeyPoolMetrics.class).bindTo(registry);
				assertThat(registry.get("chat.provider.keys")
					.tag("provider", "aigc")
					.tag("state", "available")
					.gauge()
					.value()).isEqualTo(2);
				assertThat(registry.get("chat.provider.key.calls").tag("key", "1").functionCounter().count()).isZero();
				assertThat(registry.getMeters()).allSatisfy(
						(meter) -> assertThat(meter.getId().toString()).doesNotContain(KEY_1).doesNotContain(KEY_2));
			});
	}

	@Test
	void apiKeyAndApiKeysTogether() {
		this.runner.withPropertyValues(PREFIX + "api-key=" + KEY_1, PREFIX + "api-keys=" + KEY_2).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains(PREFIX + "api-key and " + PREFIX + "api-keys are both set");
			assertThat(analysis.getAction()).contains("Keep one of them");
			assertNoKey(analysis);
		});
	}

	@Test
	void anEmptyPool() {
		this.runner.withPropertyValues(PREFIX + "api-keys=").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains(PREFIX + "api-keys is an empty list");
			assertThat(analysis.getAction()).contains("List at least one key under " + PREFIX + "api-keys");
		});
	}

	@Test
	void aRepeatedKeyAndABlankOne() {
		this.runner
			.withPropertyValues(PREFIX + "api-keys[0]=" + KEY_1, PREFIX + "api-keys[1]=" + KEY_1,
					PREFIX + "api-keys[2]= ")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(PREFIX + "api-keys[1] repeats an earlier key")
					.contains(PREFIX + "api-keys[2] is blank");
				assertNoKey(analysis);
			});
	}

	@Test
	void badKeyPoolSettings() {
		this.runner
			.withPropertyValues(PREFIX + "api-keys=" + KEY_1, PREFIX + "key-pool.header= ",
					PREFIX + "key-pool.cool-down=-1s", PREFIX + "key-pool.disable-for=0s")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains(PREFIX + "key-pool.header is blank")
					.contains(PREFIX + "key-pool.cool-down")
					.contains(PREFIX + "key-pool.disable-for is PT0S but must be a positive duration");
			});
	}

	@Test
	void anUnknownSelection() {
		this.runner.withPropertyValues(PREFIX + "api-keys=" + KEY_1, PREFIX + "key-pool.selection=fastest")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("key-pool.selection").contains("fastest");
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return FailureAnalyses.analyze(context.getStartupFailure());
	}

	private static void assertNoKey(FailureAnalysis analysis) {
		for (String key : List.of(KEY_1, KEY_2)) {
			assertThat(analysis.getDescription()).doesNotContain(key);
			assertThat(analysis.getAction()).doesNotContain(key);
		}
	}

}
