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

package dev.chatstarter.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinearEquation}.
 */
class LinearEquationTests {

	private static LinearEquation.Solution solve(String text) {
		LinearEquation equation = LinearEquation.find(text);
		assertThat(equation).as("equation in %s", text).isNotNull();
		return equation.solve();
	}

	@Test
	void seedExample() {
		LinearEquation.Solution solution = solve("求解方程: 8x + 31 = 2");

		assertThat(solution.finalAnswer()).isEqualTo("x = -29/8");
		assertThat(solution.steps()).extracting(LinearEquation.Step::output)
			.containsExactly("8x + 31 = 2", "8x = -29", "x = -29/8");
	}

	@Test
	void variablesOnBothSides() {
		LinearEquation.Solution solution = solve("Solve for y: 3y - 7 = -y + 5, please");

		assertThat(solution.finalAnswer()).isEqualTo("y = 3");
		assertThat(solution.steps()).extracting(LinearEquation.Step::explanation)
			.containsExactly("Start from the equation.", "Add y to both sides.", "Add 7 to both sides.",
					"Divide both sides by 4.");
		assertThat(solution.steps()).extracting(LinearEquation.Step::output)
			.containsExactly("3y - 7 = -y + 5", "4y - 7 = 5", "4y = 12", "y = 3");
	}

	@Test
	void decimalsAndMultiplicationSignsAreExact() {
		assertThat(solve("0.5 * x + 1 = 2").finalAnswer()).isEqualTo("x = 2");
		assertThat(solve("2x = 1").finalAnswer()).isEqualTo("x = 1/2");
		assertThat(solve("−3x ＝ 9").finalAnswer()).isEqualTo("x = -3");
		assertThat(solve("x = 5").steps()).hasSize(1);
	}

	@Test
	void noSingleSolutionOrNoEquation() {
		assertThat(LinearEquation.find("x + 1 = x + 2").solve()).isNull();
		assertThat(LinearEquation.find("2x + y = 3")).isNull();
		assertThat(LinearEquation.find("What is the capital of France?")).isNull();
		assertThat(LinearEquation.find("1 + 1 = 2")).isNull();
	}

	@Test
	void fractionArithmetic() {
		Fraction third = Fraction.of(1).divide(Fraction.of(3));

		assertThat(third.add(third).add(third)).isEqualTo(Fraction.ONE);
		assertThat(Fraction.of(-29).divide(Fraction.of(8))).hasToString("-29/8");
		assertThat(Fraction.of(6).divide(Fraction.of(-4))).hasToString("-3/2");
		assertThat(Fraction.parse("0.25")).hasToString("1/4");
		assertThat(Fraction.of(0).divide(Fraction.of(-5))).isEqualTo(Fraction.ZERO);
	}

}
