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

package dev.chatstarter.springai;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;
import dev.chatstarter.springai.autoconfigure.SpringAiChatModelAutoConfiguration;
import dev.chatstarter.test.FakeChatServer;

/**
 * Two fake OpenAI-compatible servers on loopback, {@code alpha} (the default provider)
 * and {@code beta}, and a context runner with chat-starter's and this module's
 * auto-configuration wired to them.
 */
public final class TwoFakeProviders implements AutoCloseable {

	private final FakeChatServer alpha = new FakeChatServer().start();

	private final FakeChatServer beta = new FakeChatServer().start();

	/**
	 * Return the default provider's server.
	 * @return the server of {@code alpha}
	 */
	public FakeChatServer alpha() {
		return this.alpha;
	}

	/**
	 * Return the second provider's server.
	 * @return the server of {@code beta}
	 */
	public FakeChatServer beta() {
		return this.beta;
	}

	/**
	 * Forget every scripted answer and recorded request.
	 */
	public void reset() {
		this.alpha.reset();
		this.beta.reset();
	}

	/**
	 * A runner with both providers configured, retries off.
	 * @return the runner
	 */
	public ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ChatAutoConfiguration.class, SpringAiChatModelAutoConfiguration.class))
			.withPropertyValues("chat.default-provider=alpha", "chat.providers.alpha.base-url=" + this.alpha.baseUrl(),
					"chat.providers.alpha.api-key=alpha-key", "chat.providers.alpha.model=alpha-model",
					"chat.providers.alpha.retry.max-attempts=1", "chat.providers.beta.base-url=" + this.beta.baseUrl(),
					"chat.providers.beta.api-key=beta-key", "chat.providers.beta.model=beta-model",
					"chat.providers.beta.retry.max-attempts=1");
	}

	@Override
	public void close() {
		this.alpha.close();
		this.beta.close();
	}

}
