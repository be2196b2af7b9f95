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

package dev.chatstarter.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The measurements of one interleaved scenario: per contender, one per round, in the
 * order the contenders were warmed up.
 */
final class RoundResults {

	private final Map<String, List<Measurement>> rounds = new LinkedHashMap<>();

	/**
	 * Add a contender without rounds yet.
	 * @param name the contender's name
	 */
	void track(String name) {
		this.rounds.put(name, new ArrayList<>());
	}

	/**
	 * Add a contender's next round.
	 * @param name the contender's name, already {@linkplain #track tracked}
	 * @param round what the round measured
	 */
	void add(String name, Measurement round) {
		this.rounds.get(name).add(round);
	}

	/**
	 * The contenders measured.
	 * @return their names, in their order
	 */
	Set<String> names() {
		return this.rounds.keySet();
	}

	/**
	 * Whether a contender was measured.
	 * @param name the contender's name
	 * @return {@code true} if it was
	 */
	boolean contains(String name) {
		return this.rounds.containsKey(name);
	}

	/**
	 * A contender's rounds added up.
	 * @param name the contender's name
	 * @return the sum of its rounds
	 */
	Measurement pooled(String name) {
		Measurement total = new Measurement();
		this.rounds.get(name).forEach(total::add);
		return total;
	}

	/**
	 * The median over the rounds of the contender's value divided by raw's value in the
	 * same round.
	 * @param name the contender's name
	 * @param value the figure compared
	 * @return the median ratio, or {@code NaN} if either contender was not measured
	 */
	double ratio(String name, ToDoubleFunction<Measurement> value) {
		return ratio(name, "raw", value);
	}

	/**
	 * The median over the rounds of the contender's value divided by the base contender's
	 * value in the same round.
	 * @param name the contender's name
	 * @param base the name of the contender compared with
	 * @param value the figure compared
	 * @return the median ratio, or {@code NaN} if either contender was not measured
	 */
	double ratio(String name, String base, ToDoubleFunction<Measurement> value) {
		List<Measurement> baseRounds = this.rounds.get(base);
		List<Measurement> own = this.rounds.get(name);
		if (baseRounds == null || own == null) {
			return Double.NaN;
		}
		double[] ratios = new double[own.size()];
		for (int i = 0; i < own.size(); i++) {
			ratios[i] = value.applyAsDouble(own.get(i)) / value.applyAsDouble(baseRounds.get(i));
		}
		return Samples.median(ratios);
	}

}
