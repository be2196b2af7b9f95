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

package dev.chatstarter.core.output;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import dev.chatstarter.core.error.ChatMalformedResponseException;
import dev.chatstarter.core.error.ErrorDetails;

/**
 * The model's answer could not be turned into the requested type: it is empty, not JSON,
 * or JSON of another shape. The message names the expected type and quotes the start of
 * the answer; {@link #getRawText()} has all of it.
 */
public class StructuredOutputException extends ChatMalformedResponseException {

	private static final int EXCERPT_LENGTH = 200;

	private final @Nullable String rawText;

	private final Type targetType;

	/**
	 * Create an exception.
	 * @param provider the provider that answered
	 * @param targetType the type the answer should have been parsed into
	 * @param rawText the model's full answer, or {@code null} if it had no text
	 * @param reason why it could not be parsed
	 * @param cause the parser's exception, if any
	 */
	public StructuredOutputException(String provider, Type targetType, @Nullable String rawText, String reason,
			@Nullable Throwable cause) {
		super(details(provider, targetType, rawText, reason), cause);
		this.rawText = rawText;
		this.targetType = targetType;
	}

	private static ErrorDetails details(String provider, Type targetType, @Nullable String rawText, String reason) {
		String excerpt = excerpt(rawText);
		String shortReason = (reason.length() > EXCERPT_LENGTH) ? reason.substring(0, EXCERPT_LENGTH) + "..." : reason;
		String message = "the answer is not valid JSON for " + targetType.getTypeName() + " (" + shortReason
				+ "); answer: " + ((excerpt != null) ? excerpt : "<no text>");
		return new ErrorDetails(provider, 0, message, null, null, excerpt);
	}

	private static @Nullable String excerpt(@Nullable String text) {
		if (text == null) {
			return null;
		}
		if (text.length() <= EXCERPT_LENGTH) {
			return "\"" + text + "\"";
		}
		return "\"" + text.substring(0, EXCERPT_LENGTH) + "...\" (" + text.length() + " characters)";
	}

	/**
	 * Return the model's full answer.
	 * @return the text, or {@code null} if the answer had none
	 */
	public @Nullable String getRawText() {
		return this.rawText;
	}

	/**
	 * Return the type the answer should have been parsed into.
	 * @return the type
	 */
	public Type getTargetType() {
		return this.targetType;
	}

}
