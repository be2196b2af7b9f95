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

package dev.chatstarter.test.junit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeChatServerExtension} registered programmatically, on a static field (one
 * server per class) and on an instance field (one server per test).
 */
class FakeChatServerExtensionTests {

	@Test
	void serverIsUnavailableBeforeStart() {
		assertThatIllegalStateException().isThrownBy(() -> new FakeChatServerExtension().server())
			.withMessageContaining("not started");
	}

	@Nested
	class StaticField {

		@RegisterExtension
		static final FakeChatServerExtension fake = new FakeChatServerExtension();

		private static FakeChatServer seen;

		@AfterAll
		static void stillRunningAfterTheTests() {
			assertThat(seen.isRunning()).isTrue();
		}

		@Test
		void answersThroughTheAccessors() {
			fake.server().enqueue(FakeResponse.text("static"));
			ChatTemplate chat = ChatTemplate.builder().baseUrl(fake.baseUrl()).build();

			assertThat(chat.prompt("Hi").call().content()).isEqualTo("static");
			assertThat(fake.server().takeRequest().lastUserMessage()).isEqualTo("Hi");
			remember(fake.server());
		}

		@Test
		void parametersGetTheSameServer(FakeChatServer server) {
			assertThat(server).isSameAs(fake.server());
			assertThat(server.requestCount()).isZero();
			remember(server);
		}

		private static void remember(FakeChatServer server) {
			if (seen != null) {
				assertThat(server).isSameAs(seen);
			}
			seen = server;
		}

	}

	@Nested
	class InstanceField {

		private static FakeChatServer previous;

		@RegisterExtension
		final FakeChatServerExtension fake = new FakeChatServerExtension();

		@Test
		void oneServerPerTest() {
			checkFreshServer();
		}

		@Test
		void anotherServerPerTest() {
			checkFreshServer();
		}

		private void checkFreshServer() {
			FakeChatServer server = this.fake.server();
			assertThat(server.isRunning()).isTrue();
			if (previous != null) {
				assertThat(server).isNotSameAs(previous);
				assertThat(previous.isRunning()).isFalse();
			}
			previous = server;
		}

	}

}
