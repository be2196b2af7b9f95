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

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeChatServerTest @FakeChatServerTest}: one server per class, injected into
 * constructors and methods, reset after each test, shared with {@code @Nested} classes.
 */
@FakeChatServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeChatServerTestAnnotationTests {

	private static FakeChatServer firstServer;

	private final FakeChatServer constructorServer;

	FakeChatServerTestAnnotationTests(FakeChatServer server) {
		this.constructorServer = server;
	}

	@Test
	@Order(1)
	void injectsARunningServer(FakeChatServer server) {
		firstServer = server;
		server.enqueue(FakeResponse.text("Hello from the extension"));
		ChatTemplate chat = ChatTemplate.builder().baseUrl(server.baseUrl()).build();

		assertThat(server.isRunning()).isTrue();
		assertThat(server).isSameAs(this.constructorServer);
		assertThat(chat.prompt("Hi").call().content()).isEqualTo("Hello from the extension");
		assertThat(server.requestCount()).isOne();
	}

	@Test
	@Order(2)
	void theSameServerIsResetBetweenTests(FakeChatServer server) {
		assertThat(server).isSameAs(firstServer);
		assertThat(server.requestCount()).isZero();
		assertThat(ChatTemplate.builder().baseUrl(server.baseUrl()).build().prompt("Hi").call().content())
			.startsWith("Echo from the offline demo provider");
	}

	@Nested
	class NestedTests {

		@Test
		void sharesTheServerOfTheEnclosingClass(FakeChatServer server) {
			assertThat(server).isSameAs(FakeChatServerTestAnnotationTests.this.constructorServer);
			assertThat(server.isRunning()).isTrue();
		}

	}

}
