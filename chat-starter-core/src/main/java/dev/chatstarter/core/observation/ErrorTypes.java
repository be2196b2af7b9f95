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

package dev.chatstarter.core.observation;

import org.jspecify.annotations.Nullable;

/**
 * The values of the {@code error.type} tag: the simple name of the exception's class
 * (e.g. {@code ChatAuthenticationException}), {@value #OTHER} when it has none,
 * {@value #NONE} when the operation succeeded. Class names keep the tag's cardinality
 * bounded; messages never become tags.
 */
public final class ErrorTypes {

	/** The value when there was no error. */
	public static final String NONE = "none";

	/**
	 * The value for an exception without a simple class name (anonymous or hidden
	 * classes).
	 */
	public static final String OTHER = "_OTHER";

	private ErrorTypes() {
	}

	/**
	 * Return the {@code error.type} of a failure.
	 * @param error the failure, or {@code null} when there was none
	 * @return the tag value
	 */
	public static String of(@Nullable Throwable error) {
		if (error == null) {
			return NONE;
		}
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? OTHER : name;
	}

}
