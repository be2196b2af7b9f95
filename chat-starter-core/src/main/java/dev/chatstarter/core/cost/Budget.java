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

package dev.chatstarter.core.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.springframework.util.Assert;

/**
 * How much a provider may spend per period, in the unit of money of its {@link Pricing}.
 * Calls are refused once the spend of the current period reaches the limit; a call's own
 * cost is known only when it ends, so the calls in flight then may go over it.
 *
 * @param limit the most the provider may spend per period
 * @param period the period, in UTC
 * @param whenExceeded what a call does once the budget is spent
 */
public record Budget(BigDecimal limit, Period period, Action whenExceeded) {

	public Budget {
		Assert.isTrue(limit != null && limit.signum() > 0, "limit must be positive");
		Assert.notNull(period, "period must not be null");
		Assert.notNull(whenExceeded, "whenExceeded must not be null");
	}

	/**
	 * A budget period, in UTC.
	 */
	public enum Period {

		/** A calendar day. */
		DAY,

		/** A calendar month. */
		MONTH;

		/**
		 * Name the period a time falls in, such as {@code 2026-12} or {@code 2026-12-04}.
		 * @param time the time
		 * @return the period's name
		 */
		public String name(Instant time) {
			LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
			return (this == DAY) ? day.toString() : day.toString().substring(0, 7);
		}

		/**
		 * Return when the period a time falls in ends.
		 * @param time the time
		 * @return the end of its period
		 */
		public Instant end(Instant time) {
			LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
			LocalDate next = (this == DAY) ? day.plusDays(1) : day.withDayOfMonth(1).plusMonths(1);
			return ZonedDateTime.of(next.atStartOfDay(), ZoneOffset.UTC).toInstant();
		}

	}

	/**
	 * What a call does once the budget is spent.
	 */
	public enum Action {

		/**
		 * Fail with a {@link dev.chatstarter.core.error.ChatBudgetExceededException},
		 * without trying the fallbacks.
		 */
		FAIL,

		/** Go to the provider's fallbacks, as for an exhausted quota. */
		FALLBACK

	}

}
