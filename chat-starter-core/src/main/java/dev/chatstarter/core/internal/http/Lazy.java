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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A value created by the first {@link #get()}, once, for what start-up should not pay
 * for. The creation holds a monitor; it is short and happens once.
 *
 * @param <T> the type of the value
 */
final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> factory;

	private volatile @Nullable T value;

	private Lazy(Supplier<T> factory, @Nullable T value) {
		this.factory = factory;
		this.value = value;
	}

	/**
	 * A value created on first use.
	 * @param factory creates the value
	 * @param <T> the type of the value
	 * @return the lazy value
	 */
	static <T> Lazy<T> of(Supplier<T> factory) {
		Assert.notNull(factory, "factory must not be null");
		return new Lazy<>(factory, null);
	}

	/**
	 * A value that exists already.
	 * @param value the value
	 * @param <T> the type of the value
	 * @return the lazy value, created
	 */
	static <T> Lazy<T> created(T value) {
		Assert.notNull(value, "value must not be null");
		return new Lazy<>(() -> value, value);
	}

	@Override
	public T get() {
		T value = this.value;
		if (value == null) {
			synchronized (this) {
				value = this.value;
				if (value == null) {
					value = this.factory.get();
					this.value = value;
				}
			}
		}
		return value;
	}

	/**
	 * Return the value if it was created.
	 * @return the value, or {@code null} before the first {@link #get()}
	 */
	@Nullable T getIfCreated() {
		return this.value;
	}

}
