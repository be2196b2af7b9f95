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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.chatstarter.core.internal.state.ScriptedStore;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.core.state.SharedStateSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A template handed a {@link SharedState}, against WireMock and a scripted store: only a
 * provider with limits asks the store, once per call, and another replica's cooldown
 * reaches the template.
 */
class ChatTemplateSharedStateTests extends WireMockSupport {

	private final ScriptedStore store = new ScriptedStore();

	private final SharedState shared = SharedState.of(this.store, new SharedStateSettings(Duration.ofSeconds(1),
			SharedStateSettings.FailureMode.FAIL_OPEN, Duration.ofSeconds(30), Duration.ofMillis(50)));

	@AfterEach
	void close() {
		this.shared.close();
	}

	@Test
	void aProviderWithoutLimitsNeverAsksTheStore() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate chat = templateBuilder().resilience((resilience) -> resilience.sharedState(this.shared)).build();
		for (int i = 0; i < 3; i++) {
			assertThat(chat.prompt("ping").call().content()).isEqualTo("pong");
		}
		assertThat(this.store.admissionCount()).isZero();
		assertThat(this.store.releases()).isEmpty();
	}

	@Test
	void aProviderWithLimitsAsksOncePerCallAndReleasesWhenItEnds() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(PONG)));
		ChatTemplate chat = templateBuilder()
			.limits(new ProviderLimits(10, 600, 0, ProviderLimits.Mode.FAIL, Duration.ZERO))
			.resilience((resilience) -> resilience.sharedState(this.shared))
			.build();
		this.store.answer(SharedAdmission.granted("first", 0.9)).answer(SharedAdmission.granted("second", 0.8));
		chat.prompt("ping").call().content();
		chat.prompt("ping").call().content();
		assertThat(this.store.admissionCount()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.releases().size() == 2);
		assertThat(this.store.releases()).allSatisfy((release) -> assertThat(release).startsWith("aigc/"));
	}

	@Test
	void anotherReplicasCooldownReachesTheTemplate() {
		ChatTemplate chat = templateBuilder().resilience((resilience) -> resilience.sharedState(this.shared)).build();
		assertThat(chat.cooldownState()).isEqualTo(CooldownState.CLOSED);
		this.store.setMark("cooldown:aigc", Instant.now().plusSeconds(30));
		await().atMost(Duration.ofSeconds(5)).until(() -> chat.cooldownState() == CooldownState.OPEN);
	}

}
