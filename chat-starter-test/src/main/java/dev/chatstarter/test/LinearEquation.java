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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A linear equation in one variable, {@code a·x + b = c·x + d}, found in free text (e.g.
 * {@code 求解方程: 8x + 31 = 2}) and solved exactly, step by step, the way the demo provider
 * answers the seed's math example.
 */
final class LinearEquation {

	private static final String NUMBER = "\\d+(?:\\.\\d+)?";

	private static final String VARIABLE = "[a-zA-Z](?![a-zA-Z])";

	private static final String TERM = "(?:" + NUMBER + "(?:\\s*\\*?\\s*" + VARIABLE + ")?|(?<![a-zA-Z])" + VARIABLE
			+ ")";

	private static final String SIDE = "[-+]?\\s*" + TERM + "(?:\\s*[-+]\\s*" + TERM + ")*";

	private static final Pattern EQUATION = Pattern.compile("(" + SIDE + ")\\s*=\\s*(" + SIDE + ")");

	private static final Pattern SIGNED_TERM = Pattern
		.compile("([-+])?\\s*(?:(" + NUMBER + ")\\s*\\*?\\s*(" + VARIABLE + ")?|(" + VARIABLE + "))");

	private final String variable;

	private final Fraction a;

	private final Fraction b;

	private final Fraction c;

	private final Fraction d;

	private LinearEquation(String variable, Fraction a, Fraction b, Fraction c, Fraction d) {
		this.variable = variable;
		this.a = a;
		this.b = b;
		this.c = c;
		this.d = d;
	}

	/**
	 * Find the first linear equation in one variable in a text.
	 * @param text the text
	 * @return the equation, or {@code null} when the text has none
	 */
	static @Nullable LinearEquation find(String text) {
		String normalized = text.replace('\u2212', '-')
			.replace('\uFF0D', '-')
			.replace('\uFF1D', '=')
			.replace('\uFF0B', '+')
			.replace('\u00D7', '*');
		Matcher matcher = EQUATION.matcher(normalized);
		while (matcher.find()) {
			Side left = Side.parse(matcher.group(1));
			Side right = Side.parse(matcher.group(2));
			String variable = (left.variable != null) ? left.variable : right.variable;
			boolean oneVariable = variable != null && (left.variable == null || left.variable.equals(variable))
					&& (right.variable == null || right.variable.equals(variable)) && !left.mixed && !right.mixed;
			if (oneVariable) {
				return new LinearEquation(variable, left.coefficient, left.constant, right.coefficient, right.constant);
			}
		}
		return null;
	}

	/**
	 * Solve the equation.
	 * @return the solution with its steps, or {@code null} when there is no single
	 * solution
	 */
	@Nullable Solution solve() {
		Fraction coefficient = this.a.subtract(this.c);
		if (coefficient.isZero()) {
			return null;
		}
		List<Step> steps = new ArrayList<>();
		steps.add(new Step("Start from the equation.", side(this.a, this.b) + " = " + side(this.c, this.d)));
		if (!this.c.isZero()) {
			String term = term(this.c.abs());
			steps.add(new Step((this.c.signum() > 0) ? "Subtract " + term + " from both sides."
					: "Add " + term + " to both sides.", side(coefficient, this.b) + " = " + this.d));
		}
		Fraction constant = this.d.subtract(this.b);
		if (!this.b.isZero()) {
			steps.add(new Step(
					(this.b.signum() > 0) ? "Subtract " + this.b + " from both sides."
							: "Add " + this.b.abs() + " to both sides.",
					side(coefficient, Fraction.ZERO) + " = " + constant));
		}
		Fraction value = constant.divide(coefficient);
		if (!coefficient.equals(Fraction.ONE)) {
			steps.add(new Step("Divide both sides by " + coefficient + ".", this.variable + " = " + value));
		}
		return new Solution(this.variable, value, steps);
	}

	/**
	 * Write {@code k·x + m}: {@code 8x + 31}, {@code -x - 2}, {@code (3/2)x}, {@code 5}.
	 * @param k the coefficient of the variable
	 * @param m the constant term
	 * @return one side of the equation as text
	 */
	private String side(Fraction k, Fraction m) {
		if (k.isZero()) {
			return m.toString();
		}
		String text = (k.signum() < 0) ? "-" + term(k.abs()) : term(k);
		if (!m.isZero()) {
			text = text + ((m.signum() > 0) ? " + " : " - ") + m.abs();
		}
		return text;
	}

	private String term(Fraction k) {
		if (k.equals(Fraction.ONE)) {
			return this.variable;
		}
		return (k.isInteger() ? k.toString() : "(" + k + ")") + this.variable;
	}

	/**
	 * One step of a solution.
	 *
	 * @param explanation what is done
	 * @param output the equation after the step
	 */
	record Step(String explanation, String output) {
	}

	/**
	 * The solution of an equation.
	 *
	 * @param variable the variable
	 * @param value its exact value
	 * @param steps how it was found
	 */
	record Solution(String variable, Fraction value, List<Step> steps) {

		String finalAnswer() {
			return this.variable + " = " + this.value;
		}

	}

	/**
	 * One side of an equation, reduced to {@code coefficient·variable + constant}.
	 */
	private static final class Side {

		private Fraction coefficient = Fraction.ZERO;

		private Fraction constant = Fraction.ZERO;

		private @Nullable String variable;

		private boolean mixed;

		static Side parse(String text) {
			Side side = new Side();
			Matcher matcher = SIGNED_TERM.matcher(text);
			while (matcher.find()) {
				Fraction sign = "-".equals(matcher.group(1)) ? Fraction.ONE.negate() : Fraction.ONE;
				String number = matcher.group(2);
				String variable = (matcher.group(3) != null) ? matcher.group(3) : matcher.group(4);
				Fraction value = sign.multiply((number != null) ? Fraction.parse(number) : Fraction.ONE);
				if (variable == null) {
					side.constant = side.constant.add(value);
				}
				else {
					side.mixed |= side.variable != null && !side.variable.equals(variable);
					side.variable = variable;
					side.coefficient = side.coefficient.add(value);
				}
			}
			return side;
		}

	}

}
