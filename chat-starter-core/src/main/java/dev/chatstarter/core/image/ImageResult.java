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

package dev.chatstarter.core.image;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /v1/images/generations}.
 *
 * @param created the creation time in epoch seconds, when sent
 * @param images the generated images
 */
public record ImageResult(@Nullable Long created, List<GeneratedImage> images) {

	public ImageResult {
		images = List.copyOf(images);
	}

	/**
	 * One generated image: a temporary URL or base64 data, as the request's
	 * {@code response_format} asked.
	 *
	 * @param url the image URL ({@code response_format=url})
	 * @param b64Json the base64 image data ({@code response_format=b64_json})
	 * @param revisedPrompt the prompt the model actually used, when sent
	 */
	public record GeneratedImage(@Nullable String url, @Nullable String b64Json, @Nullable String revisedPrompt) {

	}

}
