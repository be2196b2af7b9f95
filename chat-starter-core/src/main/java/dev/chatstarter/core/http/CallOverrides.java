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

package dev.chatstarter.core.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What one call sends differently from its template, such as a tenant's own API key: set
 * on {@code ChatTemplate.PromptSpec} and sent on the template's connection pool. The key
 * replaces the template's key (or key pool) for this call only, is redacted from the
 * call's errors like a configured key, and is left out of {@link #toString()}.
 *
 * @param apiKey the call's API key, or {@code null} for the template's
 * @param headers headers added to (or replacing) the template's for this call
 * @param responseTimeout the longest wait for the first byte of each answer of this call,
 * or {@code null} for the template's
 */
public record CallOverrides(@Nullable String apiKey, Map<String, String> headers, @Nullable Duration responseTimeout) {

	private static final CallOverrides NONE = new CallOverrides(null, Map.of(), null);

	public CallOverrides {
		apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
		Assert.notNull(headers, "headers must not be null");
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		Assert.isTrue(responseTimeout == null || (!responseTimeout.isNegative() && !responseTimeout.isZero()),
				"responseTimeout must be positive");
	}

	/**
	 * Return no overrides: the call sends what its template sends.
	 * @return the empty overrides
	 */
	public static CallOverrides none() {
		return NONE;
	}

	/**
	 * Return a copy with another API key.
	 * @param apiKey the call's key
	 * @return the copy
	 */
	public CallOverrides withApiKey(String apiKey) {
		Assert.hasText(apiKey, "apiKey must not be empty");
		return new CallOverrides(apiKey, this.headers, this.responseTimeout);
	}

	/**
	 * Return a copy with one more header.
	 * @param name the header's name
	 * @param value the header's value
	 * @return the copy
	 */
	public CallOverrides withHeader(String name, String value) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(value, "value must not be null");
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new CallOverrides(this.apiKey, all, this.responseTimeout);
	}

	/**
	 * Return a copy with another response timeout.
	 * @param responseTimeout the longest wait for the first byte of each answer
	 * @return the copy
	 */
	public CallOverrides withResponseTimeout(Duration responseTimeout) {
		return new CallOverrides(this.apiKey, this.headers, responseTimeout);
	}

	/**
	 * Whether the call sends what its template sends.
	 * @return {@code true} when nothing is overridden
	 */
	public boolean isEmpty() {
		return this.apiKey == null && this.headers.isEmpty() && this.responseTimeout == null;
	}

	@Override
	public String toString() {
		return "CallOverrides[apiKey=" + ((this.apiKey != null) ? "******" : "none") + ", headers="
				+ this.headers.keySet() + ", responseTimeout="
				+ ((this.responseTimeout != null) ? this.responseTimeout : "none") + "]";
	}

}
