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

package dev.chatstarter.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs work on a thread of its own and waits a bounded time for it, preemptively: a
 * Duration-bounded wait with AssertJ's {@code succeedsWithin}, so that a hang (or a
 * quadratic scan) fails the test after the bound instead of holding the build. Work still
 * running when the wait fails is interrupted and left behind on its daemon thread. What
 * the work throws is rethrown as it is, so assertion failures inside it read as usual.
 */
public final class Bounded {

	private Bounded() {
	}

	/**
	 * Run work that returns a result and wait for it at most the bound.
	 * @param <T> the type of the result
	 * @param bound the longest the work may take
	 * @param work the work to run
	 * @return the result of the work
	 */
	public static <T> T call(Duration bound, Work<T> work) {
		CompletableFuture<Outcome<T>> outcome = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				outcome.complete(new Outcome<>(work.call(), null));
			}
			catch (Throwable ex) {
				outcome.complete(new Outcome<>(null, ex));
			}
		}, "bounded-work");
		thread.setDaemon(true);
		thread.start();
		try {
			assertThat(outcome).as("work bounded by %s", bound).succeedsWithin(bound);
		}
		finally {
			if (!outcome.isDone()) {
				thread.interrupt();
			}
		}
		return outcome.join().result();
	}

	/**
	 * Run work that returns nothing and wait for it at most the bound.
	 * @param bound the longest the work may take
	 * @param task the work to run
	 */
	public static void run(Duration bound, Task task) {
		call(bound, () -> {
			task.run();
			return null;
		});
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> RuntimeException rethrow(Throwable ex) throws E {
		throw (E) ex;
	}

	/**
	 * Work that returns a result and may throw anything.
	 *
	 * @param <T> the type of the result
	 */
	@FunctionalInterface
	public interface Work<T> {

		/**
		 * Do the work.
		 * @return the result
		 * @throws Throwable whatever the work throws, rethrown to the test
		 */
		T call() throws Throwable;

	}

	/**
	 * Work that returns nothing and may throw anything.
	 */
	@FunctionalInterface
	public interface Task {

		/**
		 * Do the work.
		 * @throws Throwable whatever the work throws, rethrown to the test
		 */
		void run() throws Throwable;

	}

	/**
	 * What the work ended with.
	 *
	 * @param <T> the type of the result
	 * @param value the result, when the work returned
	 * @param failure what the work threw, when it did not return
	 */
	private record Outcome<T>(@Nullable T value, @Nullable Throwable failure) {

		T result() {
			if (this.failure != null) {
				throw Bounded.<RuntimeException>rethrow(this.failure);
			}
			return this.value;
		}

	}

}
