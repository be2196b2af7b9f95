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
import java.math.MathContext;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.chatstarter.core.chat.Usage;

/**
 * The prices of one model per million tokens, in the application's unit of money.
 *
 * @param input the price of a million prompt tokens
 * @param output the price of a million completion tokens (reasoning included)
 * @param cachedInput the price of a million prompt tokens the provider served from its
 * cache, or {@code null} to price them as {@code input}
 */
public record ModelPrice(BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput) {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	public ModelPrice {
		Assert.isTrue(input != null && input.signum() >= 0, "input must not be negative");
		Assert.isTrue(output != null && output.signum() >= 0, "output must not be negative");
		Assert.isTrue(cachedInput == null || cachedInput.signum() >= 0, "cachedInput must not be negative");
	}

	/**
	 * Return the cost of the tokens a call used.
	 * @param usage what the provider reported
	 * @return the cost
	 */
	public BigDecimal cost(Usage usage) {
		long prompt = count(usage.promptTokens());
		long cached = Math.min(prompt, count(usage.cachedPromptTokens()));
		BigDecimal cachedPrice = (this.cachedInput != null) ? this.cachedInput : this.input;
		BigDecimal perMillion = this.input.multiply(BigDecimal.valueOf(prompt - cached))
			.add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
			.add(this.output.multiply(BigDecimal.valueOf(count(usage.completionTokens()))));
		return perMillion.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
	}

	private static long count(@Nullable Integer tokens) {
		return (tokens != null) ? Math.max(0, tokens) : 0;
	}

}
