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

package dev.chatstarter.core.internal.http;

import java.time.InstantSource;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The rate-limit headroom a provider last reported in its {@code x-ratelimit-*} headers
 * (OpenAI's names, which most relays copy): the share of requests and of tokens left,
 * whichever is smaller, until the reset the provider announced.
 */
public final class RateLimitHeadroom {

	/** A report is trusted this long when the provider announces no reset. */
	private static final long DEFAULT_VALIDITY_MILLIS = 60_000;

	/** No reset is trusted longer than this. */
	private static final long MAX_VALIDITY_MILLIS = 3_600_000;

	/** Longer header values are not read. */
	private static final int MAX_VALUE_LENGTH = 32;

	private final InstantSource clock;

	private volatile @Nullable Report report;

	/**
	 * Create an empty headroom.
	 * @param clock the clock that reports expire by
	 */
	public RateLimitHeadroom(InstantSource clock) {
		this.clock = clock;
	}

	/**
	 * Read the headers of an answer; an answer without rate-limit headers changes
	 * nothing.
	 * @param headers the headers
	 */
	void record(HttpHeaders headers) {
		String remainingRequests = headers.getFirst("x-ratelimit-remaining-requests");
		String remainingTokens = headers.getFirst("x-ratelimit-remaining-tokens");
		if (remainingRequests == null && remainingTokens == null) {
			return;
		}
		double requests = share(remainingRequests, headers.getFirst("x-ratelimit-limit-requests"));
		double tokens = share(remainingTokens, headers.getFirst("x-ratelimit-limit-tokens"));
		double share = Math.min(requests, tokens);
		if (share < 0 || share > 1) {
			return;
		}
		long validity = Math.min(MAX_VALIDITY_MILLIS,
				Math.max(resetMillis(headers.getFirst("x-ratelimit-reset-requests")),
						resetMillis(headers.getFirst("x-ratelimit-reset-tokens"))));
		this.report = new Report(share, this.clock.millis() + ((validity > 0) ? validity : DEFAULT_VALIDITY_MILLIS));
	}

	/**
	 * Return the share left of the provider's rate limits, as last reported.
	 * @return a share from {@code 0} to {@code 1}, or {@code -1} when the provider has
	 * not reported one or its report has expired
	 */
	public double share() {
		Report last = this.report;
		return (last != null && this.clock.millis() < last.expiresAt()) ? last.share() : -1;
	}

	/**
	 * Return the share left of one limit.
	 * @param remaining the header value of what remains
	 * @param limit the header value of the limit
	 * @return remaining over limit, {@code 0} when nothing remains, {@code 1} (no
	 * constraint) when the values are missing or unreadable
	 */
	private static double share(@Nullable String remaining, @Nullable String limit) {
		long left = number(remaining);
		if (left == 0) {
			return 0;
		}
		long of = number(limit);
		if (left < 0 || of <= 0) {
			return 1;
		}
		return Math.min(1, (double) left / of);
	}

	private static long number(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
			return -1;
		}
		long number = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9' || number > Long.MAX_VALUE / 10 - 10) {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/**
	 * Read a reset time: a plain number of seconds, or Go's duration format as OpenAI
	 * sends it ({@code 20ms}, {@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}).
	 * @param value the header value
	 * @return the milliseconds, or {@code -1} when missing or unreadable
	 */
	private static long resetMillis(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
			return -1;
		}
		double millis = 0;
		int i = 0;
		while (i < value.length()) {
			int start = i;
			while (i < value.length() && (Character.isDigit(value.charAt(i)) || value.charAt(i) == '.')) {
				i++;
			}
			if (start == i) {
				return -1;
			}
			double amount;
			try {
				amount = Double.parseDouble(value.substring(start, i));
			}
			catch (NumberFormatException ex) {
				return -1;
			}
			int unitStart = i;
			while (i < value.length() && Character.isLetter(value.charAt(i))) {
				i++;
			}
			double unit = switch (value.substring(unitStart, i)) {
				case "", "s" -> 1000;
				case "ms" -> 1;
				case "m" -> 60_000;
				case "h" -> 3_600_000;
				default -> -1;
			};
			if (unit < 0) {
				return -1;
			}
			millis += amount * unit;
		}
		return Math.round(millis);
	}

	/**
	 * One report: the share left and when it expires, in epoch milliseconds.
	 */
	private record Report(double share, long expiresAt) {

	}

}
