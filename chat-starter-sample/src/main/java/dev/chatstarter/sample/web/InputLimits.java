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

package dev.chatstarter.sample.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * What a client may send the sample, checked before any provider is called; a request
 * over a limit is answered {@code 400} (or {@code 413} for a body over
 * {@link #MAX_BODY_BYTES}) and never forwarded.
 */
final class InputLimits {

	/** The longest message, equation or image prompt, in characters. */
	static final int MAX_TEXT_CHARS = 32_000;

	/** The most image URLs in one {@code POST /chat}. */
	static final int MAX_IMAGES = 4;

	/** The longest {@code http(s)} image URL, in characters. */
	static final int MAX_HTTP_URL_CHARS = 2_048;

	/**
	 * The longest {@code data:image/...;base64,} URL, in characters (about 750 KB of
	 * image).
	 */
	static final int MAX_DATA_URL_CHARS = 1_000_000;

	/**
	 * The largest request body, in bytes: room for the images and the message, not more.
	 */
	static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

	/** The most images one {@code POST /images} may ask for. */
	static final int MAX_IMAGE_COUNT = 10;

	/**
	 * The image sizes {@code POST /images} accepts (those the OpenAI images API knows).
	 */
	static final List<String> IMAGE_SIZES = List.of("256x256", "512x512", "1024x1024", "1024x1536", "1536x1024",
			"1024x1792", "1792x1024", "auto");

	private InputLimits() {
	}

	/**
	 * Check a text the client sends.
	 * @param text the text
	 * @param blank what to say when it is blank
	 * @param provider the requested provider, for the problem response
	 * @return the text
	 * @throws BadChatRequestException if it is blank or too long
	 */
	static String requireText(@Nullable String text, String blank, @Nullable String provider) {
		if (!StringUtils.hasText(text)) {
			throw new BadChatRequestException(blank, provider);
		}
		if (text.length() > MAX_TEXT_CHARS) {
			throw new BadChatRequestException(
					"The text is " + text.length() + " characters long; at most " + MAX_TEXT_CHARS + " are allowed",
					provider);
		}
		return text;
	}

	/**
	 * Check the count and size of an image generation.
	 * @param n how many images, or {@code null} for the provider's default
	 * @param size the size, or {@code null} for the provider's default
	 * @param provider the requested provider, for the problem response
	 * @throws BadChatRequestException if either is out of range
	 */
	static void checkImageGeneration(@Nullable Integer n, @Nullable String size, @Nullable String provider) {
		if (n != null && (n < 1 || n > MAX_IMAGE_COUNT)) {
			throw new BadChatRequestException("'n' must be between 1 and " + MAX_IMAGE_COUNT + ", got " + n, provider);
		}
		if (size != null && !IMAGE_SIZES.contains(size)) {
			throw new BadChatRequestException("'size' must be one of " + IMAGE_SIZES, provider);
		}
	}

}
