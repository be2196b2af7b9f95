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

import java.math.BigDecimal;
import java.math.BigInteger;

import org.springframework.util.Assert;

/**
 * An exact rational number, always reduced, with a positive denominator.
 *
 * @param numerator the numerator
 * @param denominator the denominator, positive
 */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

	static final Fraction ZERO = of(0);

	static final Fraction ONE = of(1);

	Fraction {
		Assert.isTrue(denominator.signum() != 0, "denominator must not be zero");
		if (denominator.signum() < 0) {
			numerator = numerator.negate();
			denominator = denominator.negate();
		}
		BigInteger gcd = numerator.gcd(denominator);
		if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
			numerator = numerator.divide(gcd);
			denominator = denominator.divide(gcd);
		}
		if (numerator.signum() == 0) {
			denominator = BigInteger.ONE;
		}
	}

	static Fraction of(long value) {
		return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
	}

	/**
	 * Parse a decimal number such as {@code 31} or {@code 0.25} exactly.
	 */
	static Fraction parse(String decimal) {
		BigDecimal value = new BigDecimal(decimal);
		return (value.scale() <= 0) ? new Fraction(value.toBigIntegerExact(), BigInteger.ONE)
				: new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
	}

	Fraction add(Fraction other) {
		return new Fraction(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
				this.denominator.multiply(other.denominator));
	}

	Fraction subtract(Fraction other) {
		return add(other.negate());
	}

	Fraction multiply(Fraction other) {
		return new Fraction(this.numerator.multiply(other.numerator), this.denominator.multiply(other.denominator));
	}

	Fraction divide(Fraction other) {
		Assert.isTrue(!other.isZero(), "division by zero");
		return new Fraction(this.numerator.multiply(other.denominator), this.denominator.multiply(other.numerator));
	}

	Fraction negate() {
		return new Fraction(this.numerator.negate(), this.denominator);
	}

	Fraction abs() {
		return new Fraction(this.numerator.abs(), this.denominator);
	}

	int signum() {
		return this.numerator.signum();
	}

	boolean isZero() {
		return this.numerator.signum() == 0;
	}

	boolean isInteger() {
		return this.denominator.equals(BigInteger.ONE);
	}

	@Override
	public int compareTo(Fraction other) {
		return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
	}

	/**
	 * Return {@code 3}, {@code -29/8}.
	 */
	@Override
	public String toString() {
		return isInteger() ? this.numerator.toString() : this.numerator + "/" + this.denominator;
	}

}
