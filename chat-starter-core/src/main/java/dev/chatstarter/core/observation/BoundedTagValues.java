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

package dev.chatstarter.core.observation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * Keeps the distinct values of a metric tag per provider bounded: the first
 * {@code maxValues} values seen for a provider pass unchanged, later new ones become
 * {@link ErrorTypes#OTHER _OTHER}. Meters are never removed, so an unbounded tag (a model
 * name chosen by the application's users) would grow memory and scrape size with every
 * new value. Thread-safe.
 */
final class BoundedTagValues {

	private final int maxValues;

	private final Map<String, Set<String>> valuesByProvider = new ConcurrentHashMap<>();

	/**
	 * Create the bound.
	 * @param maxValues the most distinct values per provider, at least 1
	 */
	BoundedTagValues(int maxValues) {
		Assert.isTrue(maxValues >= 1, "maxValues must be at least 1");
		this.maxValues = maxValues;
	}

	/**
	 * Return the value to tag with.
	 * @param provider the provider the value belongs to
	 * @param value the value
	 * @return {@code value} if it is among the first {@code maxValues} of the provider,
	 * else {@code _OTHER}
	 */
	String bound(String provider, String value) {
		Set<String> values = this.valuesByProvider.computeIfAbsent(provider, (name) -> new HashSet<>());
		synchronized (values) {
			if (values.contains(value)) {
				return value;
			}
			if (values.size() < this.maxValues) {
				values.add(value);
				return value;
			}
			return ErrorTypes.OTHER;
		}
	}

}
