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

package dev.chatstarter.autoconfigure.health;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.chatstarter.autoconfigure.ChatPropertyProblems;

/**
 * Health indicators of the providers. Each result is cached, so health checks never
 * hammer a paid API.
 *
 * <p>
 * Bound from {@code chat.health.*}; each provider's probe is
 * {@code chat.providers.<name>.health.probe}.
 */
@ConfigurationProperties(prefix = ChatHealthProperties.PREFIX, ignoreUnknownFields = false)
public final class ChatHealthProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "chat.health";

	/**
	 * Longest a provider's health probe may take before the provider is reported DOWN.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration timeout = Duration.ofSeconds(5);

	/**
	 * How long a provider's health result is reused before the provider is probed again;
	 * concurrent health checks share one probe.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration cacheTtl = Duration.ofSeconds(30);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	/**
	 * Add the problems of these properties to a start-up report.
	 * @param problems the report's problems
	 */
	void validate(ChatPropertyProblems problems) {
		problems.requirePositive(PREFIX + ".timeout", this.timeout, "5s");
		problems.requireNotNegative(PREFIX + ".cache-ttl", this.cacheTtl, "30s");
	}

}
