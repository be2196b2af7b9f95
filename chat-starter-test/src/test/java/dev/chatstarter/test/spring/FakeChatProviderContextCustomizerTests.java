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

package dev.chatstarter.test.spring;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import dev.chatstarter.test.FakeChatServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link FakeChatProviderContextCustomizerFactory} and
 * {@link FakeChatProviderContextCustomizer}.
 */
class FakeChatProviderContextCustomizerTests {

	private final FakeChatProviderContextCustomizerFactory factory = new FakeChatProviderContextCustomizerFactory();

	@Test
	void noCustomizerWithoutTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void equalProvidersGiveEqualCustomizersSoContextsAreShared() {
		ContextCustomizer one = this.factory.createContextCustomizer(Demo.class, List.of());
		ContextCustomizer same = this.factory.createContextCustomizer(AlsoDemo.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(Twice.class, List.of());

		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
	}

	@Test
	void inheritedAndEnclosingAnnotationsCount() {
		assertThat(this.factory.createContextCustomizer(SubDemo.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Demo.class, List.of()));
		assertThat(this.factory.createContextCustomizer(Demo.Inner.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Demo.class, List.of()));
	}

	@Test
	void duplicateNamesAreRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.factory.createContextCustomizer(Duplicate.class, List.of()))
			.withMessageContaining("declared twice");
	}

	@Test
	void serversAreClosedWithTheContext() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Demo.class, List.of());
		FakeChatServer server;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			server = context.getBean(FakeChatServers.class).get("demo");
			assertThat(server.isRunning()).isTrue();
			assertThat(context.getBean("fakeChatServer.demo")).isSameAs(server);
			assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
				.isEqualTo("fakeChatProviders");
		}
		assertThat(server.isRunning()).isFalse();
	}

	static class Plain {

	}

	@FakeChatProvider(name = "demo")
	static class Demo {

		@org.junit.jupiter.api.Nested
		class Inner {

		}

	}

	@FakeChatProvider(name = "demo")
	static class AlsoDemo {

	}

	static class SubDemo extends Demo {

	}

	@FakeChatProvider(name = "demo")
	@FakeChatProvider(name = "other")
	static class Twice {

	}

	@FakeChatProvider(name = "demo")
	@FakeChatProvider(name = " demo ")
	static class Duplicate {

	}

}
