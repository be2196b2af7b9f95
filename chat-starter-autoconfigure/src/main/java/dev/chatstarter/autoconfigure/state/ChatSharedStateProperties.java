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

package dev.chatstarter.autoconfigure.state;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.StringUtils;

import dev.chatstarter.autoconfigure.ChatPropertyProblems;
import dev.chatstarter.core.state.SharedStateSettings;

/**
 * The state that the replicas of an application share: client-side limits, concurrency
 * leases, cooldowns and keys taken out.
 *
 * <p>
 * Bound from {@code chat.shared-state.*}.
 */
@ConfigurationProperties(prefix = ChatSharedStateProperties.PREFIX, ignoreUnknownFields = false)
public final class ChatSharedStateProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "chat.shared-state";

	/**
	 * Where the state lives: 'memory' keeps it per replica; 'redis' shares it through
	 * Spring Boot's Redis connection (spring.data.redis.*).
	 */
	private Store store = Store.MEMORY;

	/**
	 * The prefix of every Redis key the starter writes.
	 */
	private String keyPrefix = "chat-starter";

	/**
	 * How long one operation on the store may take before it counts as failed; a number
	 * without a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration timeout = Duration.ofMillis(250);

	/**
	 * What calls do while the store does not answer: 'fail-open' decides them by each
	 * replica's own limits, 'fail-closed' refuses calls under shared limits.
	 */
	private SharedStateSettings.FailureMode whenUnavailable = SharedStateSettings.FailureMode.FAIL_OPEN;

	/**
	 * How long a concurrency permit lives unless its replica renews it: the permits of a
	 * replica that dies return after at most this long.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration leaseTime = Duration.ofSeconds(30);

	/**
	 * How often the marks of other replicas (cooldowns, keys taken out) are read, leases
	 * renewed and an unavailable store tried again.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration refreshInterval = Duration.ofSeconds(1);

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public SharedStateSettings.FailureMode getWhenUnavailable() {
		return this.whenUnavailable;
	}

	public void setWhenUnavailable(SharedStateSettings.FailureMode whenUnavailable) {
		this.whenUnavailable = whenUnavailable;
	}

	public Duration getLeaseTime() {
		return this.leaseTime;
	}

	public void setLeaseTime(Duration leaseTime) {
		this.leaseTime = leaseTime;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Return the settings of the shared state client, or report what is wrong with them.
	 * @param problems collects the problems of the properties
	 * @return the settings
	 * @throws dev.chatstarter.autoconfigure.InvalidChatConfigurationException listing the
	 * problems
	 */
	SharedStateSettings settings(ChatPropertyProblems problems) {
		problems.requirePositive(PREFIX + ".timeout", this.timeout, "250ms");
		problems.requirePositive(PREFIX + ".lease-time", this.leaseTime, "30s");
		problems.requirePositive(PREFIX + ".refresh-interval", this.refreshInterval, "1s");
		if (!StringUtils.hasText(this.keyPrefix)) {
			problems.add(PREFIX + ".key-prefix", PREFIX + ".key-prefix is empty.",
					"Set it to the prefix of the starter's Redis keys, such as chat-starter (the default).");
		}
		if (this.leaseTime != null && this.refreshInterval != null
				&& this.refreshInterval.compareTo(this.leaseTime) >= 0 && !this.refreshInterval.isNegative()) {
			problems.add(PREFIX + ".refresh-interval",
					PREFIX + ".refresh-interval (" + ChatPropertyProblems.print(this.refreshInterval)
							+ ") is not shorter than " + PREFIX + ".lease-time ("
							+ ChatPropertyProblems.print(this.leaseTime)
							+ "): leases would expire before they are renewed.",
					"Set refresh-interval well below lease-time, such as 1s with 30s.");
		}
		problems.throwIfAny();
		return new SharedStateSettings(this.timeout, this.whenUnavailable, this.leaseTime, this.refreshInterval);
	}

	/**
	 * Where the shared state lives.
	 */
	public enum Store {

		/** In each replica's memory: nothing is shared. */
		MEMORY,

		/** In Redis, through Spring Boot's connection. */
		REDIS

	}

}
