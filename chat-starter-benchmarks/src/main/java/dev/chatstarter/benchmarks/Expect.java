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

import org.jspecify.annotations.Nullable;

/**
 * Checks of what an operation returned: an operation whose check fails counts as an
 * error.
 */
final class Expect {

	private Expect() {
	}

	/**
	 * Fail unless the answer is the stub's.
	 * @param answer the answer the contender returned
	 * @return the answer
	 */
	static String answer(@Nullable String answer) {
		if (!StubServer.ANSWER.equals(answer)) {
			throw new IllegalStateException(
					"Wrong answer: " + ((answer != null) ? answer.substring(0, Math.min(60, answer.length())) : null));
		}
		return answer;
	}

	/**
	 * Fail unless the stream delivered every fragment.
	 * @param fragments the number of fragments the contender delivered
	 * @param expected the number of fragments the stub sent
	 * @return the number of fragments
	 */
	static int fragments(int fragments, int expected) {
		if (fragments != expected) {
			throw new IllegalStateException("Wrong number of fragments: " + fragments + " instead of " + expected);
		}
		return fragments;
	}

}
